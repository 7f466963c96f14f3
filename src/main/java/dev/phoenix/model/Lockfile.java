package dev.phoenix.model;

import java.util.List;
import java.util.Map;

/**
 * {@code environments/<env>/environment.lock.yaml}: every artefact and config source an
 * environment runs, pinned. Maps keep the file's order.
 */
public record Lockfile(
    String environment,
    List<String> stacks,
    Map<String, Artefact> artefacts,
    Map<String, Map<String, ConfigSource>> config) {

  public static final String API_VERSION = "phoenix/v1";
  public static final String KIND = "EnvironmentLock";

  public static String path(String environment) {
    return "environments/" + environment + "/environment.lock.yaml";
  }
}
