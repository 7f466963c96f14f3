package dev.phoenix.verify;

import java.util.Map;

/** Valid lockfiles and a one-service stack for verify tests and the benchmark. */
public final class Lockfiles {
  private Lockfiles() {}

  /** A stack "svc" running artefact {@code first} (every lockfile below has it). */
  public static String stack() {
    return "apiVersion: phoenix/v1\nkind: Stack\nname: svc\ndependsOn: []\nservices:\n"
        + "  - {name: app, artefact: app, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n";
  }

  /**
   * {@code images}: artefact name → full image reference ({@code host/repo@sha256:…}); the first must be
   * named "app". {@code extraArtefacts}/{@code config}: YAML lines already indented (may be empty).
   */
  public static String lockfile(String env, Map<String, String> images, String extraArtefacts, String config) {
    StringBuilder b = new StringBuilder("apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: ")
        .append(env).append("\nstacks: [svc]\nartefacts:\n");
    images.forEach((name, image) -> b.append("  ").append(name).append(":\n")
        .append("    type: container-image\n")
        .append("    version: 1.0.0-1-abcdef0\n")
        .append("    image: ").append(image).append('\n')
        .append("    source: {repository: https://git.example.com/x, commit: abcdef012345}\n"));
    b.append(extraArtefacts);
    if (!config.isEmpty()) {
      b.append("config:\n").append(config);
    }
    return b.toString();
  }
}
