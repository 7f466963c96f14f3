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

  @Test
  void aDatastoreNotRestoredFailsNamingItWithoutAnyValue() {
    assertThatThrownBy(() -> ConfigReading.resolve("ledger", Map.of("DATABASE_URL", new ConfigSource.DatastoreAddress("ledger-db")),
        ConfigResolver.withDatastores(Map.of(), ConfigResolver.none())))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("config ledger.DATABASE_URL (datastore:ledger-db): datastore ledger-db was not restored in this drill");
  }
}
