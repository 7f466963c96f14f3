package dev.phoenix.synth;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One long-running container service (ECS Fargate behind the shared load balancer), fully
 * resolved: the image is pinned by digest and configuration is already a value or a reference.
 *
 * @param name service name, lower case letters, digits and dashes
 * @param image digest reference {@code host/repo@sha256:<64 hex>}, used verbatim as the image
 * @param port container port the load balancer forwards to
 * @param healthPath HTTP path of the target group health check, starting with {@code /}
 * @param cpu Fargate CPU units (256, 512, 1024, ...)
 * @param memory Fargate memory in MiB
 * @param replicas desired task count
 * @param env plain, non-secret environment values (name to value)
 * @param secrets environment name to {@code valueFrom}: a Secrets Manager ARN pinned to a version
 *     or an SSM parameter ARN; never a secret value
 * @param grants exactly the ARNs the task execution role may read; must cover every secret
 */
public record ServiceSpec(
    String name,
    String image,
    int port,
    String healthPath,
    int cpu,
    int memory,
    int replicas,
    Map<String, String> env,
    Map<String, String> secrets,
    Grants grants) {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  static final Pattern DIGEST_REF = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public ServiceSpec {
    requireName(name, "service");
    if (image == null || !DIGEST_REF.matcher(image).matches()) {
      throw new IllegalArgumentException(
          "service " + name + ": image must be pinned by digest (host/repo@sha256:...), got " + image);
    }
    if (port < 1 || port > 65535 || cpu < 1 || memory < 1 || replicas < 0) {
      throw new IllegalArgumentException(
          "service " + name + ": port, cpu, memory must be positive and replicas >= 0");
    }
    if (healthPath == null || !healthPath.startsWith("/")) {
      throw new IllegalArgumentException("service " + name + ": health path must start with /");
    }
    env = sortedEnv(env, name);
    secrets = sortedEnv(secrets, name);
    grants = grants == null ? Grants.NONE : grants;
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
