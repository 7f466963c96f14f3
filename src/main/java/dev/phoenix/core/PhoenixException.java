package dev.phoenix.core;

/**
 * An error Phoenix reports to the user with a short message and, where there is one, what to do
 * about it. {@link Kind} decides the exit code, so callers never pick numbers themselves.
 */
public class PhoenixException extends RuntimeException {

  /** What sort of failure this is; the command line maps each to a fixed exit code. */
  public enum Kind {
    /** Bad input or usage: fix the command or the files. */
    INPUT,
    /** A check ran and failed: something is missing, a drill failed. */
    CHECK_FAILED,
    /** Could not check: network, authentication, a server that did not answer. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String fix;

  public PhoenixException(Kind kind, String message, String fix) {
    this(kind, message, fix, null);
  }

  public PhoenixException(Kind kind, String message, String fix, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.fix = fix;
  }

  public static PhoenixException input(String message, String fix) {
    return new PhoenixException(Kind.INPUT, message, fix);
  }

  public Kind kind() {
    return kind;
  }

  /** What the user can do about it, or null. */
  public String fix() {
    return fix;
  }
}
