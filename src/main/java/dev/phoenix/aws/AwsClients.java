package dev.phoenix.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Builds any service client from an {@link AwsConfig}: region, endpoint, credentials, per-attempt
 * and per-call timeouts, the standard retry strategy (bounded attempts, exponential backoff with
 * full jitter; throttling retried with a longer base delay) and the url-connection HTTP client.
 */
public final class AwsClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private AwsClients() {}

  public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(
      B builder, AwsConfig config, String region) {
    builder.region(Region.of(region));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    builder.credentialsProvider(
        config.staticCredentials()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()))
            : DefaultCredentialsProvider.builder().build());
    builder.overrideConfiguration(overrides(config).toBuilder()
        .addExecutionInterceptor(new AwsPace(config.rates().lane(AwsPace.lane(builder.getClass(), region))))
        .build());
    builder.httpClientBuilder(
        UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(config.attemptTimeout()));
    return builder.build();
  }

  public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(
      B builder, AwsConfig config) {
    return build(builder, config, region(config));
  }

  static ClientOverrideConfiguration overrides(AwsConfig config) {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(config.attemptTimeout())
        .apiCallTimeout(config.callTimeout())
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(
                    BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(10)))
                .build())
        .build();
  }

  /** The configured region, else the SDK's region chain, else {@value AwsConfig#DEFAULT_REGION}. */
  public static String region(AwsConfig config) {
    if (config.region() != null && !config.region().isBlank()) {
      return config.region();
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
    } catch (SdkClientException e) {
      return AwsConfig.DEFAULT_REGION;
    }
  }

  /**
   * True when requests go to an overridden endpoint (the config's, {@code AWS_ENDPOINT_URL} or
   * {@code AWS_ENDPOINT_URL_<serviceEnvId>}): emulators need S3 path-style addressing.
   */
  public static boolean endpointOverridden(AwsConfig config, String serviceEnvId) {
    return config.endpoint() != null
        || notBlank(System.getenv("AWS_ENDPOINT_URL"))
        || notBlank(System.getenv("AWS_ENDPOINT_URL_" + serviceEnvId));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
