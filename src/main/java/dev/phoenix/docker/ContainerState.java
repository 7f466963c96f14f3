package dev.phoenix.docker;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What inspecting a container says: whether it runs, its exit code, its HEALTHCHECK status
 * ({@code none} when the image has no HEALTHCHECK, else starting, healthy or unhealthy), the host
 * port its service port is published on, its labels and the image id it runs.
 */
public record ContainerState(
    String id,
    String name,
    String status,
    boolean running,
    int exitCode,
    String health,
    OptionalInt hostPort,
    Map<String, String> labels,
    String imageId) {

  public static final String NO_HEALTHCHECK = "none";

  public boolean exited() {
    return !running && ("exited".equals(status) || "dead".equals(status));
  }
}
