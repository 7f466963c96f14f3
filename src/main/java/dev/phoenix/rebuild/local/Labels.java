package dev.phoenix.rebuild.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The labels every container and network of a local drill carries; teardown finds by them. */
public final class Labels {
  public static final String ENV = "phoenix.env";
  public static final String COMMIT = "phoenix.commit";
  public static final String DRILL = "phoenix.drill";
  public static final String SERVICE = "phoenix.service";
  public static final String REPLICA = "phoenix.replica";
  /** On a datastore's server container: the datastore's name (it has no {@link #SERVICE} label). */
  public static final String DATASTORE = "phoenix.datastore";
  public static final String DIGEST = "phoenix.digest";
  /**
   * Salted SHA-256 of the container's config values (never the values), without those filled from
   * a datastore's address: what {@code phoenix drift} compares.
   */
  public static final String CONFIG = "phoenix.config";
  /**
   * Salted SHA-256 of the datastore addresses a drill gave the container (absent when none): not
   * compared by drift (a fresh password each drill), only for reusing the container in the same drill's rerun.
   */
  public static final String DATASTORE_CONFIG = "phoenix.config-datastores";
  /** The blueprint's limits the container runs with, {@code cpu=<units>,memory=<MiB>}. */
  public static final String LIMITS = "phoenix.limits";
  /** On the network: the per-environment random salt for {@link #CONFIG}. */
  public static final String SALT = "phoenix.config-salt";
  /** On a rebuild lock container ({@link DaemonLock}): {@code <env>/<target>} it locks, and who holds it. */
  public static final String LOCK = "phoenix.lock";
  public static final String LOCK_USER = "phoenix.lock.user";
  public static final String LOCK_HOST = "phoenix.lock.host";
  public static final String LOCK_PID = "phoenix.lock.pid";
  /** When the holder's process started (ISO-8601), so a reused pid is not taken for the holder. */
  public static final String LOCK_PID_STARTED = "phoenix.lock.pid-started";
  public static final String LOCK_SINCE = "phoenix.lock.since";
  public static final String LOCK_TOKEN = "phoenix.lock.token";

  private Labels() {}

  public static Map<String, String> of(String env) {
    return Map.of(ENV, env);
  }

  public static String network(String env) {
    return "phoenix-" + env;
  }

  /**
   * {@code phoenix-<env>-<service>-<hash>-<replica>}: {@code <hash>} (8 hex of SHA-256 over the
   * environment and service names, kept apart) makes the name unambiguous where the readable part is
   * not: env {@code h} service {@code x-api} and env {@code h-x} service {@code api} differ.
   */
  public static String container(String env, String service, int replica) {
    return "phoenix-" + env + "-" + service + "-" + hash("container", env, service) + "-" + replica;
  }

  /**
   * A datastore's server container: {@code phoenix-<env>-db-<datastore>-<hash>}, the hash over the
   * environment and datastore names, kept apart from services' (a service named {@code db-x} differs).
   */
  public static String datastore(String env, String datastore) {
    return "phoenix-" + env + "-db-" + datastore + "-" + hash("datastore", env, datastore);
  }

  /** The lock container of (env, target): {@code phoenix-lock-<env>-<target>-<hash>}. */
  public static String lock(String env, String target) {
    return "phoenix-lock-" + env + "-" + target + "-" + hash("lock", env, target);
  }

  private static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        sha.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(b);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
