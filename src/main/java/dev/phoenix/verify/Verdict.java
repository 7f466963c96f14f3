package dev.phoenix.verify;

/** The run's overall verdict, from which the command picks its exit code. */
public enum Verdict {
  /** Every reference of every revision is OK (or only AT_RISK without --strict): exit 0. */
  OK,
  /** Something is MISSING or CORRUPT, a lockfile is invalid, or AT_RISK under --strict: exit 1. */
  BROKEN,
  /** Nothing broken, but something could not be checked: exit 3. */
  UNKNOWN
}
