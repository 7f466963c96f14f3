package dev.phoenix.synth;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import java.util.List;

/**
 * One service: log group, task execution role with its least-privilege policy, Fargate task
 * definition, target group with the health path, a host-header rule {@code <name>.*} on the shared
 * listener, and the ECS service in the private subnets.
 */
final class ServiceConstructs {

  static final int LOG_RETENTION_DAYS = 30;

  private ServiceConstructs() {}

  static void add(
      TerraformStack stack, TargetOptions target, ServiceSpec service, NetworkRefs network,
      int priority) {
    String id = "svc_" + Names.tfId(service.name());
    String qualified = target.namePrefix() + "-" + service.name();
    String logGroupName = "/phoenix/" + target.namePrefix() + "/" + service.name();
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(stack, id + "_logs")
            .name(logGroupName)
            .retentionInDays(LOG_RETENTION_DAYS)
            .build();
    IamRole role =
        IamRole.Builder.create(stack, id + "_execution_role")
            .name(Names.fit(qualified + "-exec", 64))
            .assumeRolePolicy(Policies.trust("ecs-tasks.amazonaws.com"))
            .build();
    IamRolePolicy policy =
        IamRolePolicy.Builder.create(stack, id + "_execution_policy")
            .name("phoenix-pinned-config")
            .role(role.getId())
            .policy(Policies.execution(target, service, logs.getArn()))
            .build();
    EcsTaskDefinition task =
        EcsTaskDefinition.Builder.create(stack, id + "_task")
            .family(Names.fit(qualified, 255))
            .requiresCompatibilities(List.of("FARGATE"))
            .networkMode("awsvpc")
            .cpu(Integer.toString(service.cpu()))
            .memory(Integer.toString(service.memory()))
            .executionRoleArn(role.getArn())
            .containerDefinitions(ContainerDefinitions.of(target, service, logGroupName))
            .build();
    LbTargetGroup targets =
        LbTargetGroup.Builder.create(stack, id + "_tg")
            .name(Names.fit(qualified, 32))
            .port(service.port())
            .protocol("HTTP")
            .targetType("ip")
            .vpcId(network.vpcId())
            .deregistrationDelay("30")
            .healthCheck(
                LbTargetGroupHealthCheck.builder()
                    .path(Names.literal(service.healthPath()))
                    .matcher("200-399")
                    .build())
            .build();
    LbListenerRule rule =
        LbListenerRule.Builder.create(stack, id + "_rule")
            .listenerArn(network.httpListenerArn())
            .priority(priority)
            .action(
                List.of(
                    LbListenerRuleAction.builder()
                        .type("forward")
                        .targetGroupArn(targets.getArn())
                        .build()))
            .condition(
                List.of(
                    LbListenerRuleCondition.builder()
                        .hostHeader(
                            LbListenerRuleConditionHostHeader.builder()
                                .values(List.of(service.name() + ".*"))
                                .build())
                        .build()))
            .build();
    EcsService ecs =
        EcsService.Builder.create(stack, id)
            .name(service.name())
            .cluster(network.clusterArn())
            .taskDefinition(task.getArn())
            .desiredCount(service.replicas())
            .launchType("FARGATE")
            .networkConfiguration(
                EcsServiceNetworkConfiguration.builder()
                    .subnets(network.privateSubnetIds())
                    .securityGroups(List.of(network.serviceSecurityGroupId()))
                    .assignPublicIp(false)
                    .build())
            .loadBalancer(
                List.of(
                    EcsServiceLoadBalancer.builder()
                        .targetGroupArn(targets.getArn())
                        .containerName(service.name())
                        .containerPort(service.port())
                        .build()))
            .deploymentCircuitBreaker(
                EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(false).build())
            .waitForSteadyState(true)
            .dependsOn(List.of(rule, policy))
            .build();
    TerraformOutput.Builder.create(stack, id + "_service_name").value(ecs.getName()).build();
    TerraformOutput.Builder.create(stack, id + "_task_definition_arn").value(task.getArn()).build();
    TerraformOutput.Builder.create(stack, id + "_target_group_arn").value(targets.getArn()).build();
  }
}
