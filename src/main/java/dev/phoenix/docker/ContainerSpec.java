package dev.phoenix.docker;

import java.util.Map;

/**
 * One container to create and start: image by digest, env (may hold secrets: {@link #toString()}
 * never prints values), labels, the port the service listens on (published on 127.0.0.1 at a random
 * host port), the network to join and the alias it answers to there.
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> env,
    Map<String, String> labels,
    int containerPort,
    String network,
    String alias) {

  public ContainerSpec {
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
  }

  @Override
  public String toString() {
    return "ContainerSpec[name=" + name + ", image=" + image + ", env=" + env.keySet()
        + " (values redacted), labels=" + labels + ", port=" + containerPort + ", network=" + network
        + ", alias=" + alias + "]";
  }
}
