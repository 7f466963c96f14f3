package dev.phoenix.rebuild.local;

import dev.phoenix.docker.Docker;

/**
 * What a local drill talks to: the Docker daemon, the config stores, the package store and the store
 * of datastore dumps, opened for one drill and closed after it.
 */
public record LocalServices(Docker docker, ConfigResolver config, PackageFetcher packages, DumpStore dumps,
    AutoCloseable others) implements AutoCloseable {

  /** Without a store of dumps (an estate with datastores fails its drill, saying what to configure). */
  public LocalServices(Docker docker, ConfigResolver config, PackageFetcher packages, AutoCloseable others) {
    this(docker, config, packages, DumpStore.none(), others);
  }

  public LocalServices {
    dumps = dumps == null ? DumpStore.none() : dumps;
  }

  @Override
  public void close() {
    try {
      if (others != null) {
        others.close();
      }
    } catch (Exception e) {
      // closing clients; nothing to report
    } finally {
      docker.close();
    }
  }
}
