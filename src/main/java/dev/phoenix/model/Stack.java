package dev.phoenix.model;

import java.util.List;

/** {@code stacks/<name>.yaml}: what an environment is made of, independent of any cloud. */
public record Stack(String name, List<String> dependsOn, List<Service> services, List<Function> functions) {

  public static final String KIND = "Stack";

  public static String path(String name) {
    return "stacks/" + name + ".yaml";
  }

  /** A long-running service built from a container image. */
  public record Service(
      String name,
      String artefact,
      int port,
      String health,
      int cpu,
      int memory,
      int replicas,
      String config) {}

  /** A function built from a Lambda package. */
  public record Function(
      String name, String artefact, String handler, String runtime, int memory, String config) {}
}
