package dev.phoenix.rebuild.local;

/**
 * A Lambda package fetched by versionId and checked against its sha256. Locally it is
 * {@value #AVAILABLE}: Phoenix has no faithful local Lambda runtime.
 */
public record FunctionResult(String stack, String function, String uri, String sha256, String status, String failure) {
  public static final String AVAILABLE = "available, not executed";
  public static final String FAILED = "failed";

  public boolean ok() {
    return AVAILABLE.equals(status);
  }
}
