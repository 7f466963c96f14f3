package dev.phoenix.docker;

import java.util.Map;

/**
 * One container to create and start: image by digest, env (may hold secrets: {@link #toString()}
 * never prints values), labels, the port the service listens on (published on 127.0.0.1 at a random
 * host port), the network to join and the alias it answers to there, and hard limits: memory in
 * bytes and CPU in billionths of a CPU (0: none).
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> env,
    Map<String, String> labels,
    int containerPort,
    String network,
    String alias,
    long memoryBytes,
    long nanoCpus) {

  public ContainerSpec {
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
    if (memoryBytes < 0 || nanoCpus < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }

  /** Without limits. */
  public ContainerSpec(String name, String image, Map<String, String> env, Map<String, String> labels,
      int containerPort, String network, String alias) {
    this(name, image, env, labels, containerPort, network, alias, 0, 0);
  }

  @Override
  public String toString() {
    return "ContainerSpec[name=" + name + ", image=" + image + ", env=" + env.keySet()
        + " (values redacted), labels=" + labels + ", port=" + containerPort + ", network=" + network
        + ", alias=" + alias + ", memoryBytes=" + memoryBytes + ", nanoCpus=" + nanoCpus + "]";
  }
}
