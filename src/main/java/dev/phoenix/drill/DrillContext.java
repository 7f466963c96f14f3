package dev.phoenix.drill;

/** The drill-wide facts every service start needs: who it is, where, and the config-hash salt. */
record DrillContext(String environment, String commit, String drillId, String network, String salt,
    long startNanos, DrillOptions options) {

  long sinceStartMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
