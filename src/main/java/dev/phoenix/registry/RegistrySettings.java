package dev.phoenix.registry;

import dev.phoenix.check.Rates;
import java.time.Duration;

/**
 * Limits of the registry client. {@code requestTimeout} bounds one manifest/tag request from send
 * to the last body byte; {@code blobTimeout} one blob download; {@code perHostConcurrency} how many
 * references of one registry are checked at the same time; {@code rates} the pace of each registry
 * host (a ceiling from {@code --rate}, and slowing down when a registry throttles: every request,
 * first or retried, takes a slot of its host's {@link dev.phoenix.check.Throttle}).
 */
public record RegistrySettings(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration blobTimeout,
    RetryPolicy retry,
    long maxManifestBytes,
    int perHostConcurrency,
    int maxRedirects,
    Rates rates) {

  public RegistrySettings(Duration connectTimeout, Duration requestTimeout, Duration blobTimeout, RetryPolicy retry,
      long maxManifestBytes, int perHostConcurrency, int maxRedirects) {
    this(connectTimeout, requestTimeout, blobTimeout, retry, maxManifestBytes, perHostConcurrency, maxRedirects,
        Rates.none());
  }

  public static final long MIB = 1024L * 1024L;

  public static RegistrySettings defaults() {
    return new RegistrySettings(
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10), RetryPolicy.defaults(), 4 * MIB, 8, 5);
  }

  public RegistrySettings withRetry(RetryPolicy policy) {
    return new RegistrySettings(
        connectTimeout, requestTimeout, blobTimeout, policy, maxManifestBytes, perHostConcurrency, maxRedirects, rates);
  }

  public RegistrySettings withPerHostConcurrency(int n) {
    return new RegistrySettings(connectTimeout, requestTimeout, blobTimeout, retry, maxManifestBytes, n, maxRedirects, rates);
  }

  /** The same limits with this run's pace per registry host. */
  public RegistrySettings withRates(Rates newRates) {
    return new RegistrySettings(connectTimeout, requestTimeout, blobTimeout, retry, maxManifestBytes,
        perHostConcurrency, maxRedirects, newRates);
  }

  public RegistrySettings withTimeouts(Duration connect, Duration request) {
    return new RegistrySettings(connect, request, blobTimeout, retry, maxManifestBytes, perHostConcurrency, maxRedirects, rates);
  }
}
