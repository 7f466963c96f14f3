package dev.phoenix.stores;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Rates;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import java.util.Objects;
import java.util.Set;

/**
 * How a run's store clients are built: every AWS client from {@code aws} (region chain or a fixed
 * region, endpoint, credentials, Phoenix's timeouts and retries); the registry client from
 * {@code registry} (timeouts, per-host concurrency, body caps, retries), speaking plain HTTP to
 * {@code insecureRegistries}, with credentials from {@code credentials} after ECR's own tokens.
 * Whether a check is deep is a property of the check ({@link dev.phoenix.check.CheckOptions}), not of
 * the clients.
 */
public record StoreSettings(
    AwsConfig aws, RegistrySettings registry, Set<String> insecureRegistries, RegistryCredentials credentials) {

  public StoreSettings {
    Objects.requireNonNull(aws, "aws");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(credentials, "credentials");
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  /**
   * What every command uses: Docker's config.json (and its credential helpers) after ECR tokens,
   * the registry client's defaults with {@code perHostConcurrency} references of one registry at a
   * time.
   */
  public static StoreSettings of(AwsConfig aws, int perHostConcurrency, Set<String> insecureRegistries) {
    return new StoreSettings(aws, RegistrySettings.defaults().withPerHostConcurrency(perHostConcurrency),
        insecureRegistries, DockerConfigCredentials.fromEnvironment());
  }

  /** {@link #of(AwsConfig, int, Set)} with the registry client's default per-host concurrency. */
  public static StoreSettings of(AwsConfig aws, Set<String> insecureRegistries) {
    return of(aws, RegistrySettings.defaults().perHostConcurrency(), insecureRegistries);
  }

  /**
   * The same settings with this run's pace per lane ({@code --rate}): registry hosts in the registry
   * client, AWS services in every AWS client. One {@link Rates} per run: its lanes are shared.
   */
  public StoreSettings withRates(Rates rates) {
    return new StoreSettings(aws.withRates(rates), registry.withRates(rates), insecureRegistries, credentials);
  }

  /** The same settings with another source of registry credentials (tried after ECR tokens). */
  public StoreSettings withCredentials(RegistryCredentials other) {
    return new StoreSettings(aws, registry, insecureRegistries, other);
  }
}
