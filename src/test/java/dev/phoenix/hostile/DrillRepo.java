package dev.phoenix.hostile;

import dev.phoenix.cli.Main;
import dev.phoenix.support.GitFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A Git repository holding one environment with one service for local drills, and the CLI run in-process. */
final class DrillRepo {
  private DrillRepo() {}

  /**
   * Writes and commits (at 2026-11-01) environment {@code env} with stack {@code web} running
   * {@code service} on {@code image}; {@code config} maps variable names to their YAML flow form,
   * e.g. {@code {value: x}} or {@code {secret: id, versionId: v}}.
   */
  static Path create(Path dir, String env, String service, String image, Map<String, String> config) {
    StringBuilder lock = new StringBuilder("apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + env
        + "\nstacks: [web]\nartefacts:\n  " + service + ":\n    type: container-image\n    version: 1.0.0-1-abcdef0\n"
        + "    image: " + image + "\n    source: {repository: https://git.example.com/web, commit: abcdef0}\n");
    if (!config.isEmpty()) {
      lock.append("config:\n  ").append(service).append(":\n");
      config.forEach((k, v) -> lock.append("    ").append(k).append(": ").append(v).append("\n"));
    }
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("environments/" + env + "/environment.lock.yaml", lock.toString())
          .put("stacks/web.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: web\ndependsOn: []\nservices:\n"
              + "  - {name: " + service + ", artefact: " + service + ", port: 8080, health: /healthz, cpu: 256, memory: 256,"
              + " replicas: 1" + (config.isEmpty() ? "" : ", config: " + service) + "}\n");
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + env);
      git.checkout();
    }
    return dir;
  }

  /** {@code rebuild --target local} of {@code env} in {@code repo}, records under {@code repo/drills}. */
  static List<String> rebuildArgs(Path repo, String env, Path out, String registry, String... more) {
    List<String> args = new ArrayList<>(List.of("rebuild", "--repo", repo.toString(), "--env", env, "--at", "2026-11-01",
        "--target", "local", "--insecure-registry", registry, "--out", out.toString(),
        "--drills", repo.resolve("drills").toString()));
    args.addAll(List.of(more));
    return args;
  }

  record Result(int code, String out, String err) {
    String all() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Result run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Every regular file under {@code dir} (none when it does not exist), outside {@code .git}. */
  static String contents(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.git/")).sorted().toList()) {
        all.append(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }
}
