package dev.phoenix.rebuild.local;

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
 * Brings one service up in two steps. {@link #create}: for each replica, keep a running container
 * with the same digest and config hash, else replace it with a created (not started) one; this may
 * run before the service's dependencies are up. {@link #start}: start what was created, in
 * dependency order, and wait for every replica's health check.
 */
final class ServiceStarter {
  /** One service after {@link #create}: its containers (reused or created), or the failure. */
  record Created(DrillPlan.ServicePlan plan, PulledImage image, long pullMillis, EnvConfig env, List<String> names,
      List<String> ids, List<String> toStart, int reused, long createMillis, ServiceResult failure) {}

  private final Docker docker;
  private final HealthWait health;
  private final DrillContext drill;

  ServiceStarter(Docker docker, DrillContext drill) {
    this.docker = docker;
    this.health = new HealthWait(docker);
    this.drill = drill;
  }

  Created create(DrillPlan.ServicePlan plan, PulledImage image, long pullMillis, EnvConfig env) {
    String ref = plan.image().digestReference();
    String configHash = env.hash(drill.salt());
    String datastoreHash = env.datastoreHash(drill.salt());
    long t0 = System.nanoTime();
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> toStart = new ArrayList<>();
    int reused = 0;
    try {
      for (int r = 1; r <= plan.replicas(); r++) {
        String name = Labels.container(drill.environment(), plan.name(), r);
        names.add(name);
        Optional<ContainerState> existing = docker.find(name);
        if (existing.isPresent()) {
          Conflicts.refuseForeign(existing.get(), drill.environment());
        }
        if (existing.isPresent() && keep(existing.get(), ref, configHash, datastoreHash, limits(plan))) {
          ids.add(existing.get().id());
          reused++;
          continue;
        }
        existing.ifPresent(c -> docker.removeContainer(c.id()));
        String id = docker.create(new ContainerSpec(name, ref, env.values(), labels(plan, r, ref, configHash, datastoreHash),
            plan.service().port(), drill.network(), plan.name(), memoryBytes(plan), nanoCpus(plan)));
        drill.started().accept("container " + name + " created");
        ids.add(id);
        toStart.add(id);
      }
    } catch (PhoenixException e) {
      if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
        throw e;
      }
      ServiceResult failed = failed(plan, image, reused, pullMillis, millis(t0), 0, names, e.getMessage(), null, env);
      return new Created(plan, image, pullMillis, env, names, ids, toStart, reused, millis(t0), failed);
    }
    return new Created(plan, image, pullMillis, env, names, ids, toStart, reused, millis(t0), null);
  }

  ServiceResult start(Created c) {
    if (c.failure() != null) {
      return c.failure();
    }
    long t0 = System.nanoTime();
    for (String id : c.toStart()) {
      try {
        docker.start(id);
        drill.started().accept("container " + c.names().get(c.ids().indexOf(id)) + " started");
      } catch (PhoenixException e) {
        if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
          throw e;
        }
        return failed(c.plan(), c.image(), c.reused(), c.pullMillis(), c.createMillis() + millis(t0), 0, c.names(),
            e.getMessage(), null, c.env());
      }
    }
    long started = System.nanoTime();
    long startMillis = c.createMillis() + millis(t0);
    long deadline = started + drill.options().healthDeadline().toNanos();
    for (String id : c.ids()) {
      String why = health.await(id, c.plan().service().health(), c.image().hasHealthcheck(), deadline);
      if (why != null) {
        return failed(c.plan(), c.image(), c.reused(), c.pullMillis(), startMillis, millis(started), c.names(), why, id,
            c.env());
      }
    }
    return new ServiceResult(c.plan().stack(), c.plan().name(), c.plan().image().digestReference(), c.plan().replicas(),
        c.reused(), ServiceResult.HEALTHY, method(c.plan(), c.image()), c.pullMillis(), startMillis, millis(started),
        drill.sinceStartMillis(), List.copyOf(c.names()), null, List.of());
  }

  /** A dependency failed: containers created for this service are removed, never started. */
  ServiceResult skip(Created c, String why) {
    c.toStart().forEach(docker::removeContainer);
    return ServiceResult.notStarted(c.plan(), c.pullMillis(), why);
  }

  private static boolean keep(ContainerState c, String ref, String configHash, String datastoreHash, String limits) {
    return c.running()
        && ref.equals(c.labels().get(Labels.DIGEST))
        && configHash.equals(c.labels().get(Labels.CONFIG))
        && java.util.Objects.equals(datastoreHash, c.labels().get(Labels.DATASTORE_CONFIG))
        && limits.equals(c.labels().get(Labels.LIMITS));
  }

  /**
   * The blueprint's size as Docker limits, with ECS's meaning: {@code cpu} in CPU units (1024 = one
   * vCPU) and {@code memory} in MiB, both hard limits (a container over its memory is killed, as an
   * ECS task is).
   */
  static long memoryBytes(DrillPlan.ServicePlan plan) {
    return Math.max(0, plan.service().memory()) * 1024L * 1024L;
  }

  static long nanoCpus(DrillPlan.ServicePlan plan) {
    return Math.max(0, plan.service().cpu()) * 1_000_000_000L / 1024L;
  }

  static String limits(DrillPlan.ServicePlan plan) {
    return "cpu=" + plan.service().cpu() + ",memory=" + plan.service().memory();
  }

  private static String method(DrillPlan.ServicePlan plan, PulledImage image) {
    return HealthWait.method(plan.service().health(), image.hasHealthcheck());
  }

  private Map<String, String> labels(DrillPlan.ServicePlan plan, int replica, String ref, String configHash,
      String datastoreHash) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.ENV, drill.environment());
    labels.put(Labels.COMMIT, drill.commit());
    labels.put(Labels.DRILL, drill.drillId());
    labels.put(Labels.SERVICE, plan.name());
    labels.put(Labels.REPLICA, Integer.toString(replica));
    labels.put(Labels.DIGEST, ref);
    labels.put(Labels.CONFIG, configHash);
    if (datastoreHash != null) {
      labels.put(Labels.DATASTORE_CONFIG, datastoreHash);
    }
    labels.put(Labels.LIMITS, limits(plan));
    return labels;
  }

  private ServiceResult failed(DrillPlan.ServicePlan plan, PulledImage image, int reused, long pullMillis,
      long startMillis, long healthyMillis, List<String> names, String why, String containerId, EnvConfig env) {
    List<String> tail = List.of();
    if (containerId != null && drill.options().logLines() > 0) {
      try {
        tail = drill.mask().mask(docker.logsTail(containerId, drill.options().logLines()));
      } catch (PhoenixException e) {
        tail = List.of("(logs unavailable: " + drill.mask().mask(e.getMessage()) + ")");
      }
    }
    return new ServiceResult(plan.stack(), plan.name(), plan.image().digestReference(), plan.replicas(), reused,
        ServiceResult.FAILED, method(plan, image), pullMillis, startMillis, healthyMillis, drill.sinceStartMillis(),
        List.copyOf(names), drill.mask().mask(why), tail);
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
