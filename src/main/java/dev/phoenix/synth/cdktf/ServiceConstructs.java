package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.ITerraformDependable;
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
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import dev.phoenix.synth.ContainerDefinitions;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.Scope;
import dev.phoenix.synth.ServiceSpec;
import dev.phoenix.synth.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service: log group, task execution role with its least-privilege policy, task role (empty
 * unless the blueprint attaches policies), Fargate task definition and the ECS service in the
 * private subnets. An exposed service (one with a health path) also gets a target group with that
 * health path, a host-header rule {@code <name>.*} on the shared listener and a health-check grace
 * period; a worker gets neither. Names carry the drill id ({@link Names}); the task definition and
 * service are tagged with the artefact version they run.
 */
final class ServiceConstructs {

  static final int LOG_RETENTION_DAYS = 30;

  private ServiceConstructs() {}

  static void add(
      TerraformStack stack, TargetOptions target, ServiceSpec service, NetworkRefs network,
      int priority, Map<String, String> addresses) {
    String id = "svc_" + Names.tfId(service.name());
    String logGroupName =
        "/phoenix/" + Names.base(target) + "/" + service.name();
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(stack, id + "_logs")
            .name(logGroupName)
            .retentionInDays(LOG_RETENTION_DAYS)
            .build();
    IamRole role = Roles.assumedBy(stack, id + "_execution_role",
        Names.scoped(target, service.name() + "-exec", Names.ROLE_MAX), "ecs-tasks.amazonaws.com");
    IamRolePolicy policy = Roles.pinnedConfig(stack, id + "_execution_policy", role,
        IamDocuments.execution(target, service, logs.getArn()));
    IamRole taskRole = Roles.assumedBy(stack, id + "_task_role",
        Names.scoped(target, service.name() + "-task", Names.ROLE_MAX), "ecs-tasks.amazonaws.com");
    for (int i = 0; i < service.taskRole().managedPolicyArns().size(); i++) {
      IamRolePolicyAttachment.Builder.create(stack, id + "_task_policy_" + i)
          .role(taskRole.getName())
          .policyArn(service.taskRole().managedPolicyArns().get(i))
          .build();
    }
    Map<String, String> runs = artefactTags(service);
    EcsTaskDefinition task =
        EcsTaskDefinition.Builder.create(stack, id + "_task")
            .family(Names.scoped(target, service.name(), Names.LONG_MAX))
            .requiresCompatibilities(List.of("FARGATE"))
            .networkMode("awsvpc")
            .cpu(Integer.toString(service.cpu()))
            .memory(Integer.toString(service.memory()))
            .executionRoleArn(role.getArn())
            .taskRoleArn(taskRole.getArn())
            .containerDefinitions(ContainerDefinitions.of(target, service, logGroupName, addresses))
            .tags(runs)
            .build();
    EcsService.Builder ecs =
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
            .deploymentCircuitBreaker(
                EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(false).build())
            .waitForSteadyState(true)
            .propagateTags("SERVICE")
            .tags(runs);
    List<ITerraformDependable> after = new ArrayList<>(List.of(policy));
    if (service.exposed()) {
      LbTargetGroup targets = expose(stack, target, service, network, priority, id, after);
      ecs.loadBalancer(
              List.of(
                  EcsServiceLoadBalancer.builder()
                      .targetGroupArn(targets.getArn())
                      .containerName(service.name())
                      .containerPort(service.port())
                      .build()))
          .healthCheckGracePeriodSeconds(service.healthGraceSeconds());
    }
    EcsService built = ecs.dependsOn(after).build();
    TerraformOutput.Builder.create(stack, id + "_service_name").value(built.getName()).build();
    TerraformOutput.Builder.create(stack, id + "_task_definition_arn").value(task.getArn()).build();
  }

  /** Target group with the health path and the host-header rule; the rule joins {@code after}. */
  private static LbTargetGroup expose(
      TerraformStack stack, TargetOptions target, ServiceSpec service, NetworkRefs network,
      int priority, String id, List<ITerraformDependable> after) {
    LbTargetGroup targets =
        LbTargetGroup.Builder.create(stack, id + "_tg")
            .name(Names.scoped(target, service.name(), Names.LB_MAX))
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
    after.add(rule);
    TerraformOutput.Builder.create(stack, id + "_target_group_arn").value(targets.getArn()).build();
    return targets;
  }

  /** The artefact version a resource runs, as tags. */
  private static Map<String, String> artefactTags(ServiceSpec service) {
    return Map.of(Scope.ARTEFACT_VERSION_TAG, Names.literal(service.artefactVersion()));
  }
}
