package dev.phoenix.verify;

import dev.phoenix.check.Status;

/** A revision's verdict: the worst of its references, or INVALID when its lockfile fails validation. */
public enum RevisionStatus {
  OK,
  AT_RISK,
  UNKNOWN,
  MISSING,
  CORRUPT,
  INVALID;

  public static RevisionStatus of(Status s) {
    return valueOf(s.name());
  }

  /** MISSING, CORRUPT or INVALID: a rebuild to this revision would fail. */
  public boolean breaksRestore() {
    return this == MISSING || this == CORRUPT || this == INVALID;
  }

  public RevisionStatus worst(RevisionStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
