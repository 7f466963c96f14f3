package dev.phoenix.cli;

/** The exit codes Phoenix promises; documented in README.md and never renumbered. */
public final class ExitCodes {
  /** Everything checked out. */
  public static final int OK = 0;
  /** A check ran and failed: something is missing or corrupt, a drill failed. */
  public static final int CHECK_FAILED = 1;
  /** Usage or input error: bad flags, invalid lockfile, unknown environment. */
  public static final int USAGE = 2;
  /** Could not check: network, authentication, a server that did not answer. */
  public static final int UNAVAILABLE = 3;

  private ExitCodes() {}
}
