package dev.phoenix.aws.ecs;

import java.util.List;

/** One ECS service as it runs: its name, desired count, task definition and that definition's containers. */
public record EcsServiceView(String name, int desiredCount, String taskDefinition, List<EcsContainerView> containers) {
  public EcsServiceView {
    containers = List.copyOf(containers);
  }
}
