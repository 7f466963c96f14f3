package dev.phoenix.rebuild.local;

/**
 * The drill-wide facts every service start needs: who it is, where, the config-hash salt, the mask
 * of every secret value the drill handed out, and whom to tell what was started.
 */
record DrillContext(String environment, String commit, String drillId, String network, String salt,
    long startNanos, DrillOptions options, SecretMask mask, java.util.function.Consumer<String> started) {

  long sinceStartMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
