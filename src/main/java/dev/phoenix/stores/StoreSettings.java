package dev.phoenix.stores;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach the artefact and config stores: shared by {@code verify} and {@code rebuild}.
 *
 * @param awsEndpoint an endpoint override for every AWS service (a local moto server in tests),
 *     or empty for the real AWS endpoints
 * @param awsRegion the region AWS clients talk to when a reference does not say (SSM, Secrets
 *     Manager, S3); an AMI reference carries its own region
 * @param insecureRegistries registry hosts reached over plain HTTP (loopback test registries)
 */
public record StoreSettings(Optional<URI> awsEndpoint, String awsRegion, Set<String> insecureRegistries) {

  public StoreSettings {
    awsEndpoint = awsEndpoint == null ? Optional.empty() : awsEndpoint;
    insecureRegistries = insecureRegistries == null ? Set.of() : Set.copyOf(insecureRegistries);
  }

  public static StoreSettings defaults(String awsRegion) {
    return new StoreSettings(Optional.empty(), awsRegion, Set.of());
  }
}
