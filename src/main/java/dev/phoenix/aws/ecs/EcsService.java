package dev.phoenix.aws.ecs;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Phoenix's one ECS connection: reads what runs in a cluster (for {@code phoenix drift}). Close when done. */
public final class EcsService implements AutoCloseable {
  private static final Set<String> NOT_FOUND = Set.of("ClusterNotFoundException", "ServiceNotFoundException");
  private final EcsClient ecs;

  private EcsService(EcsClient ecs) {
    this.ecs = ecs;
  }

  public static EcsService connect(AwsConfig config) {
    return new EcsService(AwsClients.build(EcsClient.builder(), config));
  }

  /**
   * The active services of {@code cluster} with their task definitions' containers, or empty when
   * the cluster does not exist (or is inactive).
   */
  public Optional<List<EcsServiceView>> services(String cluster) {
    try {
      List<Cluster> clusters = ecs.describeClusters(b -> b.clusters(cluster)).clusters();
      if (clusters.isEmpty() || !"ACTIVE".equals(clusters.get(0).status())) {
        return Optional.empty();
      }
      List<String> arns = new ArrayList<>();
      ecs.listServicesPaginator(b -> b.cluster(cluster)).forEach(p -> arns.addAll(p.serviceArns()));
      List<EcsServiceView> out = new ArrayList<>();
      Map<String, TaskDefinition> definitions = new HashMap<>();
      for (int i = 0; i < arns.size(); i += 10) {
        List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
        for (Service s : ecs.describeServices(b -> b.cluster(cluster).services(batch)).services()) {
          if (!"ACTIVE".equals(s.status())) {
            continue;
          }
          TaskDefinition td = definitions.computeIfAbsent(s.taskDefinition(),
              arn -> ecs.describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition());
          List<EcsContainerView> containers = new ArrayList<>();
          for (ContainerDefinition c : td.containerDefinitions()) {
            containers.add(new EcsContainerView(c.name(), c.image(),
                c.secrets().stream().map(x -> x.valueFrom()).toList()));
          }
          out.add(new EcsServiceView(s.serviceName(), s.desiredCount() == null ? 0 : s.desiredCount(),
              s.taskDefinition(), List.copyOf(containers)));
        }
      }
      return Optional.of(List.copyOf(out));
    } catch (SdkException e) {
      AwsFailure f = AwsFailure.of(e, NOT_FOUND, false, true);
      if (f.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw new AwsException("read ECS services of cluster " + cluster, f,
          "check the region, credentials and ecs:Describe*/List* permissions");
    }
  }

  @Override
  public void close() {
    ecs.close();
  }
}
