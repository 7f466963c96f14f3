package dev.phoenix.drill;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.ContainerSpec;
import dev.phoenix.docker.ContainerState;
import dev.phoenix.docker.Docker;
import dev.phoenix.docker.PulledImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one service up: for each replica, keeps a running container with the same digest and
 * config hash, else replaces it; then waits for every replica's health check.
 */
final class ServiceStarter {
  private final Docker docker;
  private final HealthWait health;
  private final DrillContext drill;

  ServiceStarter(Docker docker, DrillContext drill) {
    this.docker = docker;
    this.health = new HealthWait(docker);
    this.drill = drill;
  }

  ServiceResult start(DrillPlan.ServicePlan plan, PulledImage image, long pullMillis, EnvConfig env) {
    String ref = plan.image().digestReference();
    String configHash = env.hash(drill.salt());
    String method = HealthWait.method(plan.service().health(), image.hasHealthcheck());
    long t0 = System.nanoTime();
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int reused = 0;
    try {
      for (int r = 1; r <= plan.replicas(); r++) {
        String name = Labels.container(drill.environment(), plan.name(), r);
        names.add(name);
        Optional<ContainerState> existing = docker.find(name);
        if (existing.isPresent() && keep(existing.get(), ref, configHash)) {
          ids.add(existing.get().id());
          reused++;
          continue;
        }
        existing.ifPresent(c -> docker.removeContainer(c.id()));
        ids.add(docker.run(new ContainerSpec(name, ref, env.values(), labels(plan, r, ref, configHash),
            plan.service().port(), drill.network(), plan.name())));
      }
    } catch (PhoenixException e) {
      if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
        throw e;
      }
      long startMillis = millis(t0);
      String last = ids.isEmpty() ? null : ids.get(ids.size() - 1);
      return failed(plan, ref, reused, method, pullMillis, startMillis, 0, names, e.getMessage(), last, env);
    }
    long started = System.nanoTime();
    long startMillis = millis(t0);
    long deadline = started + drill.options().healthDeadline().toNanos();
    for (String id : ids) {
      String why = health.await(id, plan.service().health(), image.hasHealthcheck(), deadline);
      if (why != null) {
        return failed(plan, ref, reused, method, pullMillis, startMillis, millis(started), names, why, id, env);
      }
    }
    return new ServiceResult(plan.stack(), plan.name(), ref, plan.replicas(), reused, ServiceResult.HEALTHY, method,
        pullMillis, startMillis, millis(started), drill.sinceStartMillis(), List.copyOf(names), null, List.of());
  }

  private static boolean keep(ContainerState c, String ref, String configHash) {
    return c.running()
        && ref.equals(c.labels().get(Labels.DIGEST))
        && configHash.equals(c.labels().get(Labels.CONFIG));
  }

  private Map<String, String> labels(DrillPlan.ServicePlan plan, int replica, String ref, String configHash) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.ENV, drill.environment());
    labels.put(Labels.COMMIT, drill.commit());
    labels.put(Labels.DRILL, drill.drillId());
    labels.put(Labels.SERVICE, plan.name());
    labels.put(Labels.REPLICA, Integer.toString(replica));
    labels.put(Labels.DIGEST, ref);
    labels.put(Labels.CONFIG, configHash);
    return labels;
  }

  private ServiceResult failed(DrillPlan.ServicePlan plan, String ref, int reused, String method, long pullMillis,
      long startMillis, long healthyMillis, List<String> names, String why, String containerId, EnvConfig env) {
    List<String> tail = List.of();
    if (containerId != null && drill.options().logLines() > 0) {
      try {
        tail = env.redact(docker.logsTail(containerId, drill.options().logLines()));
      } catch (PhoenixException e) {
        tail = List.of("(logs unavailable: " + e.getMessage() + ")");
      }
    }
    return new ServiceResult(plan.stack(), plan.name(), ref, plan.replicas(), reused, ServiceResult.FAILED, method,
        pullMillis, startMillis, healthyMillis, drill.sinceStartMillis(), List.copyOf(names), env.redact(why), tail);
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
