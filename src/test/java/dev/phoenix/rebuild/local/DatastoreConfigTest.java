package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Sensitive;
import dev.phoenix.model.ConfigSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code {datastore: NAME}} in a drill: the restored datastore's address, held and masked like a store value. */
class DatastoreConfigTest {
  private static final String ADDRESS = "postgres://postgres:0f1e2d3c4b5a@ledger-db:5432/postgres";

  @Test
  void theRestoredAddressFillsTheVariableAndIsMaskedLikeASecret() {
    Map<String, ConfigSource> sources = new LinkedHashMap<>();
    sources.put("DATABASE_URL", new ConfigSource.DatastoreAddress("ledger-db"));
    sources.put("LOG_LEVEL", new ConfigSource.PlainValue("info"));
    EnvConfig env = ConfigReading.resolve("ledger", sources,
        ConfigResolver.withDatastores(Map.of("ledger-db", Sensitive.of(ADDRESS)), ConfigResolver.none()));
    assertThat(env.values()).containsEntry("DATABASE_URL", ADDRESS).containsEntry("LOG_LEVEL", "info");
    assertThat(env.storeValues()).containsExactly(ADDRESS);
    assertThat(env.toString()).doesNotContain("0f1e2d3c4b5a");
  }

  /**
   * drift recomputes the config label without the drill's datastores ({@code Stores.configValue}
   * refuses {@code {datastore:}}): the label leaves those entries out on both sides, so two drills
   * with fresh passwords and drift's reading agree, while the addresses' own hash tells drills apart.
   */
  @Test
  void theConfigLabelLeavesDatastoreAddressesOutSoDriftCanRecomputeIt() {
    Map<String, ConfigSource> sources = new LinkedHashMap<>();
    sources.put("DATABASE_URL", new ConfigSource.DatastoreAddress("ledger-db"));
    sources.put("LOG_LEVEL", new ConfigSource.PlainValue("info"));
    sources.put("API_KEY", new ConfigSource.SecretVersion("prod/api-key", "v1"));
    ConfigResolver stores = source -> {
      if (source instanceof ConfigSource.DatastoreAddress) {
        throw new PhoenixException(PhoenixException.Kind.INPUT, "{datastore:} is filled in by the drill", null);
      }
      return "key-value";
    };
    String other = ADDRESS.replace("0f1e2d3c4b5a", "a5b4c3d2e1f0");
    EnvConfig drill1 = ConfigReading.resolve("ledger", sources,
        ConfigResolver.withDatastores(Map.of("ledger-db", Sensitive.of(ADDRESS)), stores));
    EnvConfig drill2 = ConfigReading.resolve("ledger", sources,
        ConfigResolver.withDatastores(Map.of("ledger-db", Sensitive.of(other)), stores));
    assertThat(drill1.values()).containsEntry("DATABASE_URL", ADDRESS);
    assertThat(drill1.hash("salt")).isEqualTo(drill2.hash("salt"))
        .isEqualTo(RunningConfig.hash("ledger", sources, stores, "salt"));
    assertThat(drill1.datastoreHash("salt")).hasSize(64).isNotEqualTo(drill2.datastoreHash("salt"))
        .doesNotContain("0f1e2d3c4b5a");
    assertThat(drill1.storeValues()).contains(ADDRESS); // still masked like a secret

    // what is pinned by value still counts, on both sides
    Map<String, ConfigSource> changed = new LinkedHashMap<>(sources);
    changed.put("LOG_LEVEL", new ConfigSource.PlainValue("debug"));
    assertThat(RunningConfig.hash("ledger", changed, stores, "salt")).isNotEqualTo(drill1.hash("salt"));
    // without datastore entries nothing changes: no second hash, the label as before
    Map<String, ConfigSource> plain = Map.of("LOG_LEVEL", new ConfigSource.PlainValue("info"));
    EnvConfig noData = ConfigReading.resolve("ledger", plain, stores);
    assertThat(noData.datastoreHash("salt")).isNull();
    assertThat(noData.hash("salt")).isEqualTo(new EnvConfig(Map.of("LOG_LEVEL", "info"), java.util.Set.of()).hash("salt"));
  }

  @Test
  void aDatastoreNotRestoredFailsNamingItWithoutAnyValue() {
    assertThatThrownBy(() -> ConfigReading.resolve("ledger", Map.of("DATABASE_URL", new ConfigSource.DatastoreAddress("ledger-db")),
        ConfigResolver.withDatastores(Map.of(), ConfigResolver.none())))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("config ledger.DATABASE_URL (datastore:ledger-db): datastore ledger-db was not restored in this drill");
  }
}
