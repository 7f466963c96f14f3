package dev.phoenix.rebuild.local;

import dev.phoenix.docker.Docker;
import dev.phoenix.docker.Named;
import dev.phoenix.model.ConfigSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code phoenix drift} needs of a local drill's config: the environment's salt (a label on its
 * network) and the salted hash a drill labels a container with ({@link Labels#CONFIG}), computed
 * through the same config reading the drill uses. Never the values.
 */
public final class RunningConfig {
  private RunningConfig() {}

  /** The salt of the environment's config hashes, or empty when it has no Phoenix network. */
  public static Optional<String> salt(Docker docker, String environment) {
    return docker.network(Labels.network(environment))
        .filter(n -> environment.equals(n.labels().get(Labels.ENV)))
        .map(Named::labels).map(l -> l.get(Labels.SALT));
  }

  /**
   * The hash a drill would label a container of a service whose config block is {@code configName}
   * with; values are read at their pinned versions through {@code resolver} and dropped at once.
   * {@code {datastore: NAME}} entries are not comparable by value (each drill gives its datastore a
   * fresh password) and are left out on both sides ({@link EnvConfig#hash}): they are never asked of
   * {@code resolver}.
   */
  public static String hash(String configName, Map<String, ConfigSource> sources, ConfigResolver resolver, String salt) {
    Map<String, ConfigSource> pinned = new LinkedHashMap<>();
    sources.forEach((name, source) -> {
      if (!(source instanceof ConfigSource.DatastoreAddress)) {
        pinned.put(name, source);
      }
    });
    return ConfigReading.resolve(configName, pinned, resolver).hash(salt);
  }
}
