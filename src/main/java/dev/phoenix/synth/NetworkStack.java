package dev.phoenix.synth;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared network part: VPC with two public and two private subnets (one NAT gateway),
 * security groups, an internet-facing application load balancer with an HTTP listener, and the
 * ECS cluster. Everything other stacks need leaves through the outputs named here.
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
  private static final List<String> PUBLIC_CIDRS = List.of("10.0.0.0/20", "10.0.16.0/20");
  private static final List<String> PRIVATE_CIDRS = List.of("10.0.128.0/20", "10.0.144.0/20");

  private NetworkStack() {}

  /** Adds the network part to {@code stack}; returns what services reference of it. */
  static NetworkRefs build(TerraformStack stack, TargetOptions target) {
    String prefix = target.namePrefix();
    Vpc vpc =
        Vpc.Builder.create(stack, "vpc")
            .cidrBlock(VPC_CIDR)
            .enableDnsHostnames(true)
            .enableDnsSupport(true)
            .tags(Map.of("Name", prefix))
            .build();
    DataAwsAvailabilityZones zones =
        DataAwsAvailabilityZones.Builder.create(stack, "zones").state("available").build();
    InternetGateway gateway =
        InternetGateway.Builder.create(stack, "igw").vpcId(vpc.getId()).build();
    RouteTable publicRoutes = RouteTable.Builder.create(stack, "public").vpcId(vpc.getId()).build();
    Route.Builder.create(stack, "public_default")
        .routeTableId(publicRoutes.getId())
        .destinationCidrBlock("0.0.0.0/0")
        .gatewayId(gateway.getId())
        .build();
    List<String> publicSubnets = subnets(stack, vpc, zones, "public", PUBLIC_CIDRS, publicRoutes);

    Eip natAddress = Eip.Builder.create(stack, "nat").domain("vpc").build();
    NatGateway nat =
        NatGateway.Builder.create(stack, "nat_gw")
            .allocationId(natAddress.getId())
            .subnetId(publicSubnets.get(0))
            .dependsOn(List.of(gateway))
            .build();
    RouteTable privateRoutes =
        RouteTable.Builder.create(stack, "private").vpcId(vpc.getId()).build();
    Route.Builder.create(stack, "private_default")
        .routeTableId(privateRoutes.getId())
        .destinationCidrBlock("0.0.0.0/0")
        .natGatewayId(nat.getId())
        .build();
    List<String> privateSubnets =
        subnets(stack, vpc, zones, "private", PRIVATE_CIDRS, privateRoutes);

    SecurityGroups groups = SecurityGroups.build(stack, prefix, vpc.getId());
    Lb alb =
        Lb.Builder.create(stack, "alb")
            .name(Names.fit(prefix + "-alb", 32))
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
        EcsCluster.Builder.create(stack, "cluster").name(Names.fit(prefix, 255)).build();

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

  private static List<String> subnets(
      TerraformStack stack,
      Vpc vpc,
      DataAwsAvailabilityZones zones,
      String tier,
      List<String> cidrs,
      RouteTable routes) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      Subnet subnet =
          Subnet.Builder.create(stack, tier + "_" + i)
              .vpcId(vpc.getId())
              .cidrBlock(cidrs.get(i))
              .availabilityZone(Token.asString(Fn.element(zones.getNames(), i)))
              .mapPublicIpOnLaunch(false)
              .tags(Map.of("Name", tier + "-" + i))
              .build();
      RouteTableAssociation.Builder.create(stack, tier + "_" + i + "_routes")
          .subnetId(subnet.getId())
          .routeTableId(routes.getId())
          .build();
      ids.add(subnet.getId());
    }
    return ids;
  }

  private static void output(TerraformStack stack, String name, Object value) {
    TerraformOutput.Builder.create(stack, name).value(value).build();
  }
}
