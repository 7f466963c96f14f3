package dev.phoenix.model;

import java.util.Map;
import java.util.Optional;

/**
 * {@code environments/<env>/regions.yaml}: the primary region of an environment and, per mirror
 * region, where its copies live. {@code registries} maps a source registry host to the mirror's
 * host (same repository path, same digest); {@code buckets} maps a source bucket to the mirror's.
 * SSM parameters and secrets keep their names in the mirror region; AMIs are copied into it. Maps
 * keep the file's order.
 */
public record Regions(String environment, String primary, Map<String, Mirror> mirrors) {
  public static final String KIND = "Regions";

  public Regions {
    mirrors = Map.copyOf(mirrors);
  }

  /**
   * How a secret reaches a mirror region ({@code secrets:} in the file). {@code COPY} (the default):
   * the pinned version is copied into a secret of the same name there, which lives on its own.
   * {@code REPLICATE}: the secret is made a Secrets Manager replica there (ReplicateSecretToRegions)
   * and the replica is recorded while it holds the pinned version; a copy when replication is refused.
   * A replica already there is used in either mode.
   */
  public enum SecretMode {
    COPY, REPLICATE;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where one mirror region keeps its copies, and how secrets reach it. */
  public record Mirror(String region, Map<String, String> registries, Map<String, String> buckets, SecretMode secrets) {
    public Mirror {
      registries = Map.copyOf(registries);
      buckets = Map.copyOf(buckets);
      secrets = secrets == null ? SecretMode.COPY : secrets;
    }

    public Mirror(String region, Map<String, String> registries, Map<String, String> buckets) {
      this(region, registries, buckets, SecretMode.COPY);
    }

    /** The mirror host of a source registry host, if the file names one. */
    public Optional<String> registryFor(String sourceHost) {
      return Optional.ofNullable(registries.get(sourceHost));
    }

    public Optional<String> bucketFor(String sourceBucket) {
      return Optional.ofNullable(buckets.get(sourceBucket));
    }
  }

  public Optional<Mirror> mirror(String region) {
    return Optional.ofNullable(mirrors.get(region));
  }

  public static String path(String environment) {
    return "environments/" + environment + "/regions.yaml";
  }
}
