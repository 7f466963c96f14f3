package dev.phoenix.aws;

import dev.phoenix.core.PhoenixException;

/**
 * An AWS call failed: the translated form every adapter package throws instead of SDK exceptions.
 * NOT_FOUND and INVALID are the user's input (exit 2); everything else is UNAVAILABLE (exit 3).
 * The message never carries a secret or parameter value.
 */
public final class AwsException extends PhoenixException {
  private final transient AwsFailure failure;

  public AwsException(String operation, AwsFailure failure, String fix) {
    super(kindOf(failure), operation + ": " + failure.describe(), fix);
    this.failure = failure;
  }

  /** A Phoenix-side refusal (bad label, versioning off) with no vendor failure behind it. */
  public static AwsException input(String message, String fix) {
    return new AwsException(message, fix);
  }

  private AwsException(String message, String fix) {
    super(Kind.INPUT, message, fix);
    this.failure = null;
  }

  /** The vendor failure, or null for a Phoenix-side refusal. */
  public AwsFailure failure() {
    return failure;
  }

  public boolean notFound() {
    return failure != null && failure.kind() == AwsFailure.Kind.NOT_FOUND;
  }

  private static Kind kindOf(AwsFailure f) {
    return f.kind() == AwsFailure.Kind.NOT_FOUND || f.kind() == AwsFailure.Kind.INVALID
        ? Kind.INPUT : Kind.UNAVAILABLE;
  }
}
