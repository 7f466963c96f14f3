package dev.phoenix.check;

/** What a check found out about one pinned reference. Ordered from best to worst for summaries. */
public enum Status {
  /** Exists, and (under --deep) its bytes hash to what is pinned. */
  OK,
  /** Exists today but may be deleted by the store (no label, deprecated, near a version limit). */
  AT_RISK,
  /** Could not be checked: network, auth, throttling after retries, deadline. Never reported as MISSING. */
  UNKNOWN,
  /** The store answered that it is not there. */
  MISSING,
  /** It is there but its bytes do not match the pinned digest or size. */
  CORRUPT;

  /** MISSING or CORRUPT: a rebuild from this reference would fail. */
  public boolean breaksRestore() {
    return this == MISSING || this == CORRUPT;
  }
}
