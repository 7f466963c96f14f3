package dev.phoenix.docker;

import dev.phoenix.core.PhoenixException;

/**
 * A Docker daemon call that failed, translated from docker-java at the edge of this package so no
 * vendor exception leaks out. {@link #notFound()} tells a missing image, container or network apart.
 */
public final class DockerException extends PhoenixException {
  private final boolean notFound;

  DockerException(Kind kind, String message, String fix, boolean notFound, Throwable cause) {
    super(kind, message, fix, cause);
    this.notFound = notFound;
  }

  static DockerException unavailable(String message, Throwable cause) {
    return new DockerException(
        Kind.UNAVAILABLE, message,
        "Check that the Docker daemon answers (docker info) and DOCKER_HOST is right.", false, cause);
  }

  static DockerException failed(String message, boolean notFound, Throwable cause) {
    return new DockerException(Kind.CHECK_FAILED, message, null, notFound, cause);
  }

  /** True when the daemon or the registry answered that the thing asked for does not exist. */
  public boolean notFound() {
    return notFound;
  }
}
