package dev.phoenix.check;

/**
 * The result of checking one reference, with a short reason a person can act on. A reason never
 * contains a secret or parameter value.
 */
public record Finding(Status status, String reason) {
  public static Finding ok() {
    return new Finding(Status.OK, "present");
  }

  public static Finding ok(String reason) {
    return new Finding(Status.OK, reason);
  }

  public static Finding missing(String reason) {
    return new Finding(Status.MISSING, reason);
  }

  public static Finding corrupt(String reason) {
    return new Finding(Status.CORRUPT, reason);
  }

  public static Finding atRisk(String reason) {
    return new Finding(Status.AT_RISK, reason);
  }

  public static Finding unknown(String reason) {
    return new Finding(Status.UNKNOWN, reason);
  }
}
