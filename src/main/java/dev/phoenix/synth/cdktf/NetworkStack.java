package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.NetworkOptions;
import dev.phoenix.synth.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared network part of the environment's one configuration: VPC with one public and one
 * private subnet in each zone (zones by zone id: {@link NetworkOptions}), a NAT gateway per zone or
 * a single one, security groups, an internet-facing application load balancer with an HTTP
 * listener, and the ECS cluster. Every name carries the drill id ({@link Names}). What services
 * reference of it is returned as {@link NetworkRefs}; the outputs named here are for people.
 */
final class NetworkStack {

  static final String VPC_ID = "vpc_id";
  static final String PRIVATE_SUBNET_IDS = "private_subnet_ids";
  static final String PUBLIC_SUBNET_IDS = "public_subnet_ids";
  static final String SERVICE_SECURITY_GROUP_ID = "service_security_group_id";
  static final String HTTP_LISTENER_ARN = "http_listener_arn";
  static final String ALB_DNS_NAME = "alb_dns_name";
  static final String CLUSTER_ARN = "cluster_arn";

  static final String VPC_CIDR = "10.0.0.0/16";

  private NetworkStack() {}

  /** Adds the network part to {@code stack}; returns what services reference of it. */
  static NetworkRefs build(TerraformStack stack, TargetOptions target) {
    String base = Names.base(target);
    Vpc vpc =
        Vpc.Builder.create(stack, "vpc")
            .cidrBlock(VPC_CIDR)
            .enableDnsHostnames(true)
            .enableDnsSupport(true)
            .tags(Map.of("Name", base))
            .build();
    List<String> zoneIds = zoneIds(stack, target.network());
    InternetGateway gateway =
        InternetGateway.Builder.create(stack, "igw").vpcId(vpc.getId()).build();
    RouteTable publicRoutes = RouteTable.Builder.create(stack, "public").vpcId(vpc.getId()).build();
    Route.Builder.create(stack, "public_default")
        .routeTableId(publicRoutes.getId())
        .destinationCidrBlock("0.0.0.0/0")
        .gatewayId(gateway.getId())
        .build();
    List<String> publicSubnets = new ArrayList<>();
    List<String> privateSubnets = new ArrayList<>();
    NatGateway shared = null;
    for (int i = 0; i < zoneIds.size(); i++) {
      String publicSubnet =
          subnet(stack, vpc, base, "public", i, zoneIds.get(i), publicRoutes.getId());
      publicSubnets.add(publicSubnet);
      NatGateway nat =
          shared != null ? shared : natGateway(stack, base, i, publicSubnet, gateway);
      if (target.network().natGateways() == NetworkOptions.NatGateways.SINGLE) {
        shared = nat;
      }
      RouteTable privateRoutes =
          RouteTable.Builder.create(stack, "private_routes_" + i).vpcId(vpc.getId()).build();
      Route.Builder.create(stack, "private_routes_" + i + "_default")
          .routeTableId(privateRoutes.getId())
          .destinationCidrBlock("0.0.0.0/0")
          .natGatewayId(nat.getId())
          .build();
      privateSubnets.add(
          subnet(stack, vpc, base, "private", i, zoneIds.get(i), privateRoutes.getId()));
    }

    SecurityGroups groups = SecurityGroups.build(stack, target, vpc.getId());
    Lb alb =
        Lb.Builder.create(stack, "alb")
            .name(Names.scoped(target, "alb", Names.LB_MAX))
            .loadBalancerType("application")
            .internal(false)
            .securityGroups(List.of(groups.loadBalancer()))
            .subnets(publicSubnets)
            .build();
    LbListener listener =
        LbListener.Builder.create(stack, "http")
            .loadBalancerArn(alb.getArn())
            .port(80)
            .protocol("HTTP")
            .defaultAction(
                List.of(
                    LbListenerDefaultAction.builder()
                        .type("fixed-response")
                        .fixedResponse(
                            LbListenerDefaultActionFixedResponse.builder()
                                .statusCode("404")
                                .contentType("text/plain")
                                .messageBody("no such service")
                                .build())
                        .build()))
            .build();
    EcsCluster cluster =
        EcsCluster.Builder.create(stack, "cluster").name(Names.fit(base, Names.LONG_MAX)).build();

    output(stack, VPC_ID, vpc.getId());
    output(stack, PUBLIC_SUBNET_IDS, publicSubnets);
    output(stack, PRIVATE_SUBNET_IDS, privateSubnets);
    output(stack, SERVICE_SECURITY_GROUP_ID, groups.services());
    output(stack, HTTP_LISTENER_ARN, listener.getArn());
    output(stack, ALB_DNS_NAME, alb.getDnsName());
    output(stack, CLUSTER_ARN, cluster.getArn());
    return new NetworkRefs(
        vpc.getId(), privateSubnets, groups.services(), listener.getArn(), cluster.getArn());
  }

  /**
   * The zone ids as given, or the first {@link NetworkOptions#DEFAULT_ZONES} of the region's
   * availability zones (opt-in zones and local zones left out) in sorted zone-id order. No state
   * filter: an impaired zone stays in the list, so the choice (and every subnet) stays put.
   */
  private static List<String> zoneIds(TerraformStack stack, NetworkOptions network) {
    if (!network.zoneIds().isEmpty()) {
      return network.zoneIds();
    }
    DataAwsAvailabilityZones zones =
        DataAwsAvailabilityZones.Builder.create(stack, "zones")
            .filter(
                List.of(
                    DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status")
                        .values(List.of("opt-in-not-required"))
                        .build()))
            .build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < network.zoneCount(); i++) {
      ids.add(Token.asString(Fn.element(Fn.sort(zones.getZoneIds()), i)));
    }
    return ids;
  }

  private static NatGateway natGateway(
      TerraformStack stack, String base, int zone, String publicSubnet, InternetGateway gateway) {
    Eip address =
        Eip.Builder.create(stack, "nat_" + zone)
            .domain("vpc")
            .tags(Map.of("Name", base + "-nat-" + zone))
            .build();
    return NatGateway.Builder.create(stack, "nat_gw_" + zone)
        .allocationId(address.getId())
        .subnetId(publicSubnet)
        .tags(Map.of("Name", base + "-nat-" + zone))
        .dependsOn(List.of(gateway))
        .build();
  }

  /** Public subnets take 10.0.(16·i).0/20, private ones 10.0.(128+16·i).0/20. */
  private static String subnet(
      TerraformStack stack, Vpc vpc, String base, String tier, int zone, String zoneId,
      String routeTableId) {
    int third = (tier.equals("public") ? 0 : 128) + 16 * zone;
    Subnet subnet =
        Subnet.Builder.create(stack, tier + "_" + zone)
            .vpcId(vpc.getId())
            .cidrBlock("10.0." + third + ".0/20")
            .availabilityZoneId(zoneId)
            .mapPublicIpOnLaunch(false)
            .tags(Map.of("Name", base + "-" + tier + "-" + zone))
            .build();
    RouteTableAssociation.Builder.create(stack, tier + "_" + zone + "_routes")
        .subnetId(subnet.getId())
        .routeTableId(routeTableId)
        .build();
    return subnet.getId();
  }

  private static void output(TerraformStack stack, String name, Object value) {
    TerraformOutput.Builder.create(stack, name).value(value).build();
  }
}
