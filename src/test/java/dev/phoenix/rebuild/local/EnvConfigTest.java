package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.ConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {
  static final String SECRET = "s3cr3t-canary-value";

  static Map<String, ConfigSource> sources() {
    Map<String, ConfigSource> m = new LinkedHashMap<>();
    m.put("API_KEY", new ConfigSource.SecretVersion("prod/api-key", "v1"));
    m.put("DB_URL", new ConfigSource.SsmParameter("/prod/db", 7));
    m.put("LOG_LEVEL", new ConfigSource.PlainValue("info"));
    return m;
  }

  static final ConfigResolver STORES = source -> source instanceof ConfigSource.SecretVersion ? SECRET : "postgres://db";

  @Test
  void resolvesStoresAndPlainValuesWithoutShowingThem() {
    EnvConfig env = ConfigReading.resolve("api", sources(), STORES);
    assertThat(env.values()).containsEntry("API_KEY", SECRET).containsEntry("LOG_LEVEL", "info");
    assertThat(env.toString()).contains("API_KEY").doesNotContain(SECRET).doesNotContain("postgres");
  }

  @Test
  void hashIsSaltedStableAndChangesWithAnyValue() {
    EnvConfig env = ConfigReading.resolve("api", sources(), STORES);
    assertThat(env.hash("salt")).isEqualTo(ConfigReading.resolve("api", sources(), STORES).hash("salt"))
        .hasSize(64).doesNotContain(SECRET);
    assertThat(env.hash("other-salt")).isNotEqualTo(env.hash("salt"));
    EnvConfig changed = ConfigReading.resolve("api", sources(), s -> s instanceof ConfigSource.SecretVersion ? "x" : "postgres://db");
    assertThat(changed.hash("salt")).isNotEqualTo(env.hash("salt"));
    // name/value boundaries count: A=BC is not AB=C
    EnvConfig a = new EnvConfig(Map.of("A", "BC"), java.util.Set.of());
    EnvConfig b = new EnvConfig(Map.of("AB", "C"), java.util.Set.of());
    assertThat(a.hash("s")).isNotEqualTo(b.hash("s"));
  }

  @Test
  void redactsStoreValuesButNotPlainOnes() {
    EnvConfig env = ConfigReading.resolve("api", sources(), STORES);
    assertThat(env.storeValues()).containsExactlyInAnyOrder(SECRET, "postgres://db");
    assertThat(SecretMask.of(env.storeValues()).mask(List.of("key=" + SECRET + " db=postgres://db level=info")))
        .containsExactly("key=*** db=*** level=info");
  }

  @Test
  void aMissingVersionNamesTheSourceNotAValue() {
    ConfigResolver missing = source -> {
      throw new PhoenixException(PhoenixException.Kind.INPUT, "version not found", null);
    };
    assertThatThrownBy(() -> ConfigReading.resolve("api", sources(), missing))
        .hasMessageContaining("config api.API_KEY (secret:prod/api-key@v1)").hasMessageContaining("version not found");
  }
}
