package dev.phoenix.drill;

import java.util.Map;

/** The labels every container and network of a local drill carries; teardown finds by them. */
public final class Labels {
  public static final String ENV = "phoenix.env";
  public static final String COMMIT = "phoenix.commit";
  public static final String DRILL = "phoenix.drill";
  public static final String SERVICE = "phoenix.service";
  public static final String REPLICA = "phoenix.replica";
  public static final String DIGEST = "phoenix.digest";
  /** Salted SHA-256 of the container's config values (never the values). */
  public static final String CONFIG = "phoenix.config";
  /** The blueprint's limits the container runs with, {@code cpu=<units>,memory=<MiB>}. */
  public static final String LIMITS = "phoenix.limits";
  /** On the network: the per-environment random salt for {@link #CONFIG}. */
  public static final String SALT = "phoenix.config-salt";

  private Labels() {}

  public static Map<String, String> of(String env) {
    return Map.of(ENV, env);
  }

  public static String network(String env) {
    return "phoenix-" + env;
  }

  public static String container(String env, String service, int replica) {
    return "phoenix-" + env + "-" + service + "-" + replica;
  }
}
