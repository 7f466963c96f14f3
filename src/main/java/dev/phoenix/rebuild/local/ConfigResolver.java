package dev.phoenix.rebuild.local;

import dev.phoenix.model.ConfigSource;

/**
 * Reads one pinned config value at drill start: an SSM parameter at its version or a Secrets
 * Manager secret at its versionId. The value goes straight into a container's environment and is
 * never printed, logged or stored. Plain lockfile values never reach a resolver.
 */
public interface ConfigResolver {
  /** The value; throws a PhoenixException (UNAVAILABLE or CHECK_FAILED) when it cannot be read. */
  String value(ConfigSource source);

  /** A resolver for estates without SSM or Secrets Manager sources: any such source fails. */
  static ConfigResolver none() {
    return source -> {
      throw new dev.phoenix.core.PhoenixException(dev.phoenix.core.PhoenixException.Kind.INPUT,
          "no AWS configuration reader for " + source.describe(),
          "configure AWS access (region, credentials) so SSM and Secrets Manager can be read");
    };
  }

  /**
   * {@code {datastore: NAME}} answered with the address of the datastore this drill restored
   * ({@link LocalDatastoreRestore.Restored#address()}); every other source asked of {@code delegate}.
   */
  static ConfigResolver withDatastores(java.util.Map<String, dev.phoenix.core.Sensitive> addresses,
      ConfigResolver delegate) {
    return source -> {
      if (source instanceof ConfigSource.DatastoreAddress d) {
        dev.phoenix.core.Sensitive address = addresses.get(d.datastore());
        if (address == null) {
          throw new dev.phoenix.core.PhoenixException(dev.phoenix.core.PhoenixException.Kind.CHECK_FAILED,
              "datastore " + d.datastore() + " was not restored in this drill", "see the datastore's restore above");
        }
        return address.reveal();
      }
      return delegate.value(source);
    };
  }
}
