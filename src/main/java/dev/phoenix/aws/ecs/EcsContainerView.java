package dev.phoenix.aws.ecs;

import java.util.List;

/**
 * One container of a task definition: its image as written ({@code repo@sha256:…} or a tag) and
 * the {@code valueFrom} of each secret (ARNs, never values).
 */
public record EcsContainerView(String name, String image, List<String> secretValueFrom) {
  public EcsContainerView {
    secretValueFrom = List.copyOf(secretValueFrom);
  }
}
