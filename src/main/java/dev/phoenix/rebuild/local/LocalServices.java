package dev.phoenix.rebuild.local;

import dev.phoenix.docker.Docker;

/**
 * What a local drill talks to: the Docker daemon, the config stores and the package store, opened
 * for one drill and closed after it.
 */
public record LocalServices(Docker docker, ConfigResolver config, PackageFetcher packages, AutoCloseable others)
    implements AutoCloseable {

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
