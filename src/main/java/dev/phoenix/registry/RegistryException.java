package dev.phoenix.registry;

import dev.phoenix.core.PhoenixException;

/**
 * A registry could not do what was asked. {@link #reason()} says why in a form callers can act on;
 * the message never contains a credential or token.
 */
public final class RegistryException extends PhoenixException {

  /** Why a request failed. */
  public enum Reason {
    /** 404: the manifest, blob or repository is not there. */
    NOT_FOUND,
    /** 401/403 after authenticating (or no usable credentials). */
    AUTH,
    /** Connection refused, DNS failure, TLS failure, timeouts after retries. */
    UNREACHABLE,
    /** 429/5xx after retries, or an answer Phoenix cannot use. */
    UNAVAILABLE,
    /** The answer was larger than allowed. */
    TOO_LARGE,
    /** The caller's deadline passed. */
    DEADLINE,
    /** Bad input: malformed reference, refused plain-HTTP host. */
    INPUT
  }

  private final Reason reason;
  private final int status;

  public RegistryException(Reason reason, int status, String message) {
    this(reason, status, message, null);
  }

  public RegistryException(Reason reason, int status, String message, Throwable cause) {
    super(reason == Reason.INPUT || reason == Reason.NOT_FOUND ? Kind.INPUT : Kind.UNAVAILABLE, message, fixFor(reason), cause);
    this.reason = reason;
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** HTTP status of the last answer, or 0 when there was none. */
  public int status() {
    return status;
  }

  private static String fixFor(Reason reason) {
    switch (reason) {
      case AUTH:
        return "log in to the registry (docker login) or fix the credentials in Docker's config.json";
      case UNREACHABLE:
        return "check the registry host name and that it is reachable from here";
      case INPUT:
        return "plain HTTP is only used for loopback hosts and --insecure-registry hosts";
      default:
        return null;
    }
  }
}
