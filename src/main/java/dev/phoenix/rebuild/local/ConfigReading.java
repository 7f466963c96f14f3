package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.ConfigSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Resolves a service's config block (lockfile {@code config.<name>}) into an {@link EnvConfig}. */
final class ConfigReading {
  private ConfigReading() {}

  static EnvConfig resolve(String configName, Map<String, ConfigSource> sources, ConfigResolver resolver) {
    if (sources == null || sources.isEmpty()) {
      return EnvConfig.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> fromStores = new HashSet<>();
    Set<String> fromDatastores = new HashSet<>();
    for (Map.Entry<String, ConfigSource> e : sources.entrySet()) {
      if (e.getValue() instanceof ConfigSource.PlainValue plain) {
        values.put(e.getKey(), plain.value());
        continue;
      }
      String value;
      try {
        value = resolver.value(e.getValue());
      } catch (PhoenixException ex) {
        throw new PhoenixException(ex.kind(), "config " + configName + "." + e.getKey() + " ("
            + e.getValue().describe() + "): " + ex.getMessage(), ex.fix(), ex);
      }
      if (value == null) {
        throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
            "config " + configName + "." + e.getKey() + " (" + e.getValue().describe() + ") has no value", null);
      }
      values.put(e.getKey(), value);
      fromStores.add(e.getKey());
      if (e.getValue() instanceof ConfigSource.DatastoreAddress) {
        fromDatastores.add(e.getKey());
      }
    }
    return new EnvConfig(values, fromStores, fromDatastores);
  }
}
