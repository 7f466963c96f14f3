package dev.phoenix.registry;

import java.time.Duration;

/**
 * Limits of the registry client. {@code requestTimeout} bounds one manifest/tag request from send
 * to the last body byte; {@code blobTimeout} one blob download; {@code perHostConcurrency} how many
 * references of one registry are checked at the same time.
 */
public record RegistrySettings(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration blobTimeout,
    RetryPolicy retry,
    long maxManifestBytes,
    int perHostConcurrency,
    int maxRedirects) {

  public static final long MIB = 1024L * 1024L;

  public static RegistrySettings defaults() {
    return new RegistrySettings(
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10), RetryPolicy.defaults(), 4 * MIB, 8, 5);
  }

  public RegistrySettings withRetry(RetryPolicy policy) {
    return new RegistrySettings(
        connectTimeout, requestTimeout, blobTimeout, policy, maxManifestBytes, perHostConcurrency, maxRedirects);
  }

  public RegistrySettings withPerHostConcurrency(int n) {
    return new RegistrySettings(connectTimeout, requestTimeout, blobTimeout, retry, maxManifestBytes, n, maxRedirects);
  }

  public RegistrySettings withTimeouts(Duration connect, Duration request) {
    return new RegistrySettings(connect, request, blobTimeout, retry, maxManifestBytes, perHostConcurrency, maxRedirects);
  }
}
