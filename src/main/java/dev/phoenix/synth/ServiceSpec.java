package dev.phoenix.synth;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One long-running container service (ECS Fargate), fully resolved: the image is pinned by digest
 * and configuration is already a value or a reference. A service with a health path is exposed on
 * the shared load balancer (target group and host-header rule {@code <name>.*}); one without is
 * not (a worker): no target group, no listener rule.
 *
 * @param name service name, lower case letters, digits and dashes
 * @param image digest reference {@code host/repo@sha256:<64 hex>}, used verbatim as the image
 * @param artefactVersion the artefact's version, tagged on the task definition and service
 * @param port container port (the load balancer forwards to it when exposed)
 * @param healthPath HTTP path of the target group health check, starting with {@code /}; null for
 *     a service that is not exposed
 * @param healthGraceSeconds how long ECS ignores failing load balancer health checks of a new task
 *     (0 to 2147483647; only used when exposed)
 * @param cpu Fargate CPU units (256, 512, 1024, ...)
 * @param memory Fargate memory in MiB
 * @param replicas desired task count
 * @param env plain, non-secret environment values (name to value)
 * @param secrets environment name to {@code valueFrom}: a Secrets Manager ARN pinned to a version
 *     or an SSM parameter ARN; never a secret value
 * @param grants exactly the ARNs the task execution role may read; must cover every secret
 * @param repositoryCredentials ARN of a Secrets Manager secret holding the registry's {@code
 *     username}/{@code password} (a non-ECR private registry), or null; the execution role may
 *     read exactly it
 * @param taskRole what the application itself may do (the task role, separate from the execution
 *     role that pulls the image and reads the pinned config)
 * @param datastores environment name to the name of a datastore of the request: the variable is
 *     the restored datastore's address as a Terraform reference ({@link ContainerDefinitions}),
 *     never a literal and never a password
 */
public record ServiceSpec(
    String name,
    String image,
    String artefactVersion,
    int port,
    String healthPath,
    int healthGraceSeconds,
    int cpu,
    int memory,
    int replicas,
    Map<String, String> env,
    Map<String, String> secrets,
    Grants grants,
    String repositoryCredentials,
    TaskRole taskRole,
    Map<String, String> datastores) {

  /** Grace period when the blueprint gives none: time for a JVM service to start and warm up. */
  public static final int DEFAULT_HEALTH_GRACE_SECONDS = 60;

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  static final Pattern DIGEST_REF = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final Pattern SECRET_ARN =
      Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[^:*${}%]+");

  public ServiceSpec {
    requireName(name, "service");
    if (image == null || !DIGEST_REF.matcher(image).matches()) {
      throw new IllegalArgumentException(
          "service " + name + ": image must be pinned by digest (host/repo@sha256:...), got " + image);
    }
    if (artefactVersion == null || artefactVersion.isBlank()) {
      throw new IllegalArgumentException("service " + name + ": artefact version is required");
    }
    if (port < 1 || port > 65535 || cpu < 1 || memory < 1 || replicas < 0) {
      throw new IllegalArgumentException(
          "service " + name + ": port, cpu, memory must be positive and replicas >= 0");
    }
    if (healthPath != null && !healthPath.startsWith("/")) {
      throw new IllegalArgumentException("service " + name + ": health path must start with /");
    }
    if (healthGraceSeconds < 0) {
      throw new IllegalArgumentException("service " + name + ": health grace period must be >= 0");
    }
    env = sortedEnv(env, name);
    secrets = sortedEnv(secrets, name);
    datastores = sortedEnv(datastores, name);
    for (Map.Entry<String, String> d : datastores.entrySet()) {
      if (env.containsKey(d.getKey()) || secrets.containsKey(d.getKey())) {
        throw new IllegalArgumentException(
            "service " + name + ": " + d.getKey() + " is both a datastore address and another value");
      }
      requireName(d.getValue(), "service " + name + ": " + d.getKey() + ": datastore");
    }
    grants = grants == null ? Grants.NONE : grants;
    taskRole = taskRole == null ? TaskRole.NONE : taskRole;
    if (repositoryCredentials != null && !SECRET_ARN.matcher(repositoryCredentials).matches()) {
      throw new IllegalArgumentException(
          "service " + name + ": repository credentials must be a Secrets Manager secret ARN, got "
              + repositoryCredentials);
    }
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      if (env.containsKey(secret.getKey())) {
        throw new IllegalArgumentException(
            "service " + name + ": " + secret.getKey() + " is both a plain value and a secret");
      }
      if (!secret.getValue().startsWith("arn:") || !grants.covers(secret.getValue())) {
        throw new IllegalArgumentException(
            "service " + name + ": secret " + secret.getKey()
                + " must be an ARN covered by the service's grants");
      }
    }
  }

  /** A service whose environment names no datastore. */
  public ServiceSpec(
      String name, String image, String artefactVersion, int port, String healthPath,
      int healthGraceSeconds, int cpu, int memory, int replicas, Map<String, String> env,
      Map<String, String> secrets, Grants grants, String repositoryCredentials, TaskRole taskRole) {
    this(name, image, artefactVersion, port, healthPath, healthGraceSeconds, cpu, memory, replicas,
        env, secrets, grants, repositoryCredentials, taskRole, Map.of());
  }

  /**
   * An exposed service with the default grace period, no registry credentials and an empty task
   * role (tests and simple callers).
   */
  public ServiceSpec(
      String name, String image, int port, String healthPath, int cpu, int memory, int replicas,
      Map<String, String> env, Map<String, String> secrets, Grants grants) {
    this(name, image, "unversioned", port, healthPath, DEFAULT_HEALTH_GRACE_SECONDS, cpu, memory,
        replicas, env, secrets, grants, null, TaskRole.NONE);
  }

  /** True when the service is published on the load balancer (it has a health path). */
  public boolean exposed() {
    return healthPath != null;
  }

  static void requireName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " name must match " + NAME.pattern() + ", got " + name);
    }
  }

  static Map<String, String> sortedEnv(Map<String, String> values, String owner) {
    if (values == null) {
      return Map.of();
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key == null || !ENV_NAME.matcher(key).matches() || value == null) {
            throw new IllegalArgumentException(owner + ": bad environment entry " + key);
          }
          sorted.put(key, value);
        });
    return java.util.Collections.unmodifiableMap(sorted);
  }
}
