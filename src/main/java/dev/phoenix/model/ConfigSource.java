package dev.phoenix.model;

/** Where one configuration value comes from, pinned to a version. Never holds a secret value. */
public sealed interface ConfigSource
    permits ConfigSource.SsmParameter, ConfigSource.SecretVersion, ConfigSource.PlainValue,
        ConfigSource.DatastoreAddress {

  /** A short, value-free description for output: {@code ssm:/prod/db-url:7}. */
  String describe();

  record SsmParameter(String name, long version) implements ConfigSource {
    @Override
    public String describe() {
      return "ssm:" + name + ":" + version;
    }
  }

  record SecretVersion(String secretId, String versionId) implements ConfigSource {
    @Override
    public String describe() {
      return "secret:" + secretId + "@" + versionId;
    }
  }

  /** A non-secret literal kept in the lockfile itself. */
  record PlainValue(String value) implements ConfigSource {
    @Override
    public String describe() {
      return "value:" + value;
    }
  }

  /**
   * The address of a datastore the environment declares ({@code {datastore: ledger-db}}): filled in by
   * the target (a local drill's container, the AWS target's restored instance), never a literal.
   */
  record DatastoreAddress(String datastore) implements ConfigSource {
    @Override
    public String describe() {
      return "datastore:" + datastore;
    }
  }
}
