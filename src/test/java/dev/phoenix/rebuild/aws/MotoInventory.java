package dev.phoenix.rebuild.aws;

import dev.phoenix.testsupport.MotoServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Raw SDK clients on moto (one region) and a sorted inventory of every resource kind a rebuild
 * into AWS creates, by id: compared before a rebuild and after its teardown.
 */
final class MotoInventory implements AutoCloseable {
  final Ec2Client ec2;
  final EcsClient ecs;
  final ElasticLoadBalancingV2Client elb;
  final IamClient iam;
  final LambdaClient lambda;
  final CloudWatchLogsClient logs;
  final SsmClient ssm;

  MotoInventory(URI endpoint, String region) {
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    Region r = Region.of(region);
    ec2 = Ec2Client.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    ecs = EcsClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    lambda = LambdaClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    ssm = SsmClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** Every resource, one {@code kind id} line each, sorted. */
  List<String> snapshot() {
    TreeSet<String> all = new TreeSet<>();
    ec2.describeVpcs().vpcs().forEach(v -> all.add("vpc " + v.vpcId()));
    ec2.describeSubnets().subnets().forEach(s -> all.add("subnet " + s.subnetId()));
    ec2.describeSecurityGroups().securityGroups().forEach(g -> all.add("security-group " + g.groupId()));
    ec2.describeRouteTables().routeTables().forEach(t -> all.add("route-table " + t.routeTableId()
        + " routes=" + t.routes().size() + " associations=" + t.associations().size()));
    ec2.describeInternetGateways().internetGateways().forEach(g -> all.add("internet-gateway " + g.internetGatewayId()));
    ec2.describeNatGateways(b -> { }).natGateways().stream().filter(n -> !n.stateAsString().startsWith("delet"))
        .forEach(n -> all.add("nat-gateway " + n.natGatewayId()));
    ec2.describeAddresses().addresses().forEach(a -> all.add("elastic-ip " + a.allocationId()));
    // ECS keeps deleted clusters and services for a while as INACTIVE (moto too): only ACTIVE ones count
    List<String> clusters = ecs.listClusters().clusterArns();
    if (!clusters.isEmpty()) {
      ecs.describeClusters(b -> b.clusters(clusters)).clusters().stream().filter(c -> "ACTIVE".equals(c.status()))
          .forEach(c -> all.add("ecs-cluster " + c.clusterArn()));
    }
    ecs.listTaskDefinitions().taskDefinitionArns().forEach(t -> all.add("task-definition " + t));
    for (String cluster : clusters) {
      List<String> services = ecs.listServices(b -> b.cluster(cluster)).serviceArns();
      if (!services.isEmpty()) {
        ecs.describeServices(b -> b.cluster(cluster).services(services)).services().stream()
            .filter(x -> "ACTIVE".equals(x.status())).forEach(x -> all.add("ecs-service " + x.serviceArn()));
      }
    }
    elb.describeLoadBalancers().loadBalancers().forEach(l -> all.add("load-balancer " + l.loadBalancerArn()));
    elb.describeTargetGroups().targetGroups().forEach(g -> all.add("target-group " + g.targetGroupArn()));
    iam.listRoles().roles().forEach(r -> all.add("iam-role " + r.roleName()));
    lambda.listFunctions().functions().forEach(f -> all.add("lambda " + f.functionName()));
    logs.describeLogGroups().logGroups().forEach(g -> all.add("log-group " + g.logGroupName()));
    ssm.describeParametersPaginator().stream()
        .forEach(page -> page.parameters().forEach(p -> all.add("ssm-parameter " + p.name())));
    return new ArrayList<>(all);
  }

  @Override
  public void close() {
    ec2.close();
    ecs.close();
    elb.close();
    iam.close();
    lambda.close();
    logs.close();
    ssm.close();
  }
}
