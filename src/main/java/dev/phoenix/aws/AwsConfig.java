package dev.phoenix.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How every AWS client Phoenix builds is configured.
 *
 * <p>{@code region} null: the SDK's region chain (AWS_REGION, profile, instance metadata), else
 * {@value #DEFAULT_REGION}. {@code endpoint} null: the SDK's own endpoint resolution, which honours
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}. Access key null: the default
 * credentials chain; both keys set: static credentials (tests against an emulator).
 */
public record AwsConfig(
    String region,
    URI endpoint,
    String accessKeyId,
    String secretAccessKey,
    Duration attemptTimeout,
    Duration callTimeout,
    int maxAttempts,
    dev.phoenix.check.Rates rates) {

  public static final String DEFAULT_REGION = "us-east-1";

  /** Without a pace per service: unpaced until a service throttles. */
  public AwsConfig(String region, URI endpoint, String accessKeyId, String secretAccessKey, Duration attemptTimeout,
      Duration callTimeout, int maxAttempts) {
    this(region, endpoint, accessKeyId, secretAccessKey, attemptTimeout, callTimeout, maxAttempts,
        dev.phoenix.check.Rates.none());
  }

  public AwsConfig {
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (attemptTimeout.isNegative() || attemptTimeout.isZero() || callTimeout.compareTo(attemptTimeout) < 0) {
      throw new IllegalArgumentException("need 0 < attemptTimeout <= callTimeout");
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 1..10, was " + maxAttempts);
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException("give both static credential parts or neither");
    }
  }

  /** Region chain, SDK endpoint resolution, default credentials; 10 s per attempt, 30 s per call, 4 attempts. */
  public static AwsConfig defaults() {
    return new AwsConfig(null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), 4);
  }

  /** A fixed endpoint with static credentials: tests against an emulator such as moto. */
  public static AwsConfig forEndpoint(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new AwsConfig(region, endpoint, accessKeyId, secretAccessKey,
        Duration.ofSeconds(10), Duration.ofSeconds(30), 4);
  }

  public AwsConfig withRegion(String newRegion) {
    return new AwsConfig(newRegion, endpoint, accessKeyId, secretAccessKey, attemptTimeout, callTimeout, maxAttempts, rates);
  }

  /** The same configuration against another endpoint (a local emulator); credentials unchanged. */
  public AwsConfig withEndpoint(URI newEndpoint) {
    return new AwsConfig(region, newEndpoint, accessKeyId, secretAccessKey, attemptTimeout, callTimeout, maxAttempts, rates);
  }

  public AwsConfig withTimeouts(Duration attempt, Duration call, int attempts) {
    return new AwsConfig(region, endpoint, accessKeyId, secretAccessKey, attempt, call, attempts, rates);
  }

  /** The same configuration with this run's pace per service ({@code --rate ssm=40/s}). */
  public AwsConfig withRates(dev.phoenix.check.Rates newRates) {
    return new AwsConfig(region, endpoint, accessKeyId, secretAccessKey, attemptTimeout, callTimeout, maxAttempts,
        newRates);
  }

  public boolean staticCredentials() {
    return accessKeyId != null;
  }

  @Override
  public String toString() {
    return "AwsConfig[region=" + (region == null ? "<chain>" : region)
        + ", endpoint=" + (endpoint == null ? "<sdk>" : endpoint)
        + ", credentials=" + (staticCredentials() ? "static " + accessKeyId + "/<redacted>" : "<default chain>")
        + ", attemptTimeout=" + attemptTimeout + ", callTimeout=" + callTimeout
        + ", maxAttempts=" + maxAttempts + "]";
  }
}
