package dev.phoenix.registry;

import java.util.List;
import java.util.Optional;

/**
 * Where credentials for a registry host come from. The ECR adapter implements this to hand out a
 * token for {@code *.dkr.ecr.*.amazonaws.com}; {@link DockerConfigCredentials} reads Docker's
 * config.json. Implementations must be thread-safe and must not log what they return.
 */
@FunctionalInterface
public interface RegistryCredentials {

  /** The credential for {@code registry} ("host" or "host:port"), or empty for anonymous access. */
  Optional<RegistryCredential> lookup(String registry);

  static RegistryCredentials anonymous() {
    return registry -> Optional.empty();
  }

  /** The first source that has a credential for the host wins. */
  static RegistryCredentials firstOf(List<RegistryCredentials> sources) {
    List<RegistryCredentials> copy = List.copyOf(sources);
    return registry -> {
      for (RegistryCredentials source : copy) {
        Optional<RegistryCredential> found = source.lookup(registry);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    };
  }
}
