package dev.phoenix.drift;

/** How one service or function compares with the lockfile. */
public enum DriftStatus {
  /** Runs exactly what the lockfile pins (digest or package hash, count, config). */
  MATCH,
  /** Runs something else; the item names both sides. */
  DRIFTED,
  /** Runs by tag (or from an image with no manifest digest): what runs cannot be pinned down. */
  UNPINNED,
  /** In the lockfile, but nothing runs. */
  NOT_RUNNING,
  /** Runs with the environment's label or in its cluster, but is not in the lockfile. */
  UNMANAGED,
  /** Could not be checked. */
  UNKNOWN;

  /** True for the statuses that mean what runs is not what the lockfile says. */
  public boolean drift() {
    return this != MATCH && this != UNKNOWN;
  }
}
