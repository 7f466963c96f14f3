package dev.phoenix.model;

import java.util.List;

/** {@code stacks/<name>.yaml}: what an environment is made of, independent of any cloud. */
public record Stack(
    String name, List<String> dependsOn, List<Service> services, List<Function> functions, List<Datastore> datastores) {

  public Stack {
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
  }

  /** A stack without datastores. */
  public Stack(String name, List<String> dependsOn, List<Service> services, List<Function> functions) {
    this(name, dependsOn, services, functions, List.of());
  }

  public static final String KIND = "Stack";

  public static String path(String name) {
    return "stacks/" + name + ".yaml";
  }

  /** Seconds a new task's failing health checks are ignored, when the blueprint says nothing. */
  public static final int DEFAULT_HEALTH_GRACE = 60;
  /** A function's time limit in seconds when the blueprint says nothing. */
  public static final int DEFAULT_TIMEOUT = 30;

  /**
   * A long-running service built from a container image.
   *
   * @param health HTTP health path, or null: only a service with one is published on a load balancer
   * @param healthGrace seconds a new task's failing health checks are ignored
   * @param taskPolicies managed policies of the service's own (task) role, e.g. IAM policy ARNs
   */
  public record Service(
      String name,
      String artefact,
      int port,
      String health,
      int healthGrace,
      int cpu,
      int memory,
      int replicas,
      String config,
      List<String> taskPolicies) {

    public Service {
      taskPolicies = taskPolicies == null ? List.of() : List.copyOf(taskPolicies);
    }

    /** Default health grace period, no task policies. */
    public Service(
        String name, String artefact, int port, String health, int cpu, int memory, int replicas, String config) {
      this(name, artefact, port, health, DEFAULT_HEALTH_GRACE, cpu, memory, replicas, config, List.of());
    }
  }

  /** A function built from a Lambda package; {@code timeout} in seconds. */
  public record Function(
      String name, String artefact, String handler, String runtime, int memory, int timeout, String config) {

    /** Default timeout. */
    public Function(String name, String artefact, String handler, String runtime, int memory, String config) {
      this(name, artefact, handler, runtime, memory, DEFAULT_TIMEOUT, config);
    }
  }
}
