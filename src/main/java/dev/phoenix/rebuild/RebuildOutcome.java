package dev.phoenix.rebuild;

/** How a rebuild ended, as written in drill records ({@link #word()}). */
public enum RebuildOutcome {
  /** Applied every stack. */
  SUCCEEDED("succeeded"),
  /** Something ran and failed (an apply, a plan, a synthesis); state is kept, a re-run converges. */
  FAILED("failed"),
  /** Plan only (no --apply): every stack planned, nothing changed. */
  PLANNED("planned"),
  /** A pinned reference was MISSING, CORRUPT, or UNKNOWN without --allow-unknown: nothing touched. */
  STOPPED_AT_PREFLIGHT("stopped-at-preflight"),
  /** Synthesized, but the engine could not run (e.g. provider plugins cannot be downloaded). */
  STOPPED_AFTER_SYNTH("stopped-after-synth"),
  /**
   * Stopped by SIGINT/SIGTERM: the record names the phase and what had been started; the lock is
   * released and a re-run converges from what was left.
   */
  INTERRUPTED("interrupted");

  private final String word;

  RebuildOutcome(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static RebuildOutcome ofWord(String word) {
    for (RebuildOutcome o : values()) {
      if (o.word.equals(word)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown outcome " + word);
  }
}
