package dev.phoenix.hostile;

/**
 * The smallest valid estate: one stack with nothing in it and a lockfile pinning nothing, so that
 * verify has no store to ask and the tests exercise only how revisions are read and selected.
 */
final class TinyEstate {
  static final String STACK_PATH = "stacks/empty.yaml";
  static final String STACK = "apiVersion: phoenix/v1\nkind: Stack\nname: empty\ndependsOn: []\n";

  private TinyEstate() {}

  static String lockPath(String env) {
    return "environments/" + env + "/environment.lock.yaml";
  }

  /** A valid lockfile for {@code env}; {@code config} lines go under config.app (may be empty). */
  static String lock(String env, String config) {
    return "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + env + "\nstacks: [empty]\nartefacts: {}\n"
        + (config.isEmpty() ? "" : "config:\n  app:\n" + config);
  }
}
