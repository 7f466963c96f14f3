package dev.phoenix.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine's Docker daemon. {@link #ensureRunning()} checks that {@code docker info} answers; if
 * not, and we are root, it starts {@code dockerd --storage-driver=vfs} (log /tmp/phoenix-dockerd.log),
 * like scripts/ensure-tools. {@link #close()} stops the daemon only if this instance started it.
 *
 * <p>Two CLIs may be on PATH: /usr/local/bin/docker (28.x) and Debian's /usr/bin/docker (20.10).
 * The daemon is Debian's 20.10 (API 1.41); the first CLI that answers is used.
 */
public final class DockerDaemon implements AutoCloseable {
  public static final URI DEFAULT_DOCKER_HOST = URI.create("unix:///var/run/docker.sock");
  public static final Path LOG = Path.of("/tmp/phoenix-dockerd.log");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(3);

  private final String cli;
  private final ManagedProcess startedHere;

  private DockerDaemon(String cli, ManagedProcess startedHere) {
    this.cli = cli;
    this.startedHere = startedHere;
  }

  public static DockerDaemon ensureRunning() {
    String cli = Servers.requireBinary("docker", "the Docker CLI").toString();
    String answering = answeringCli(cli);
    if (answering != null) {
      return new DockerDaemon(answering, null);
    }
    Path dockerd = Servers.requireBinary("dockerd", "the Docker daemon");
    if (!"0".equals(Exec.run(Duration.ofSeconds(5), "id", "-u").stdout().strip())) {
      throw new IllegalStateException(
          "Docker daemon not answering and only root can start it; run " + Servers.ENSURE_TOOLS);
    }
    ManagedProcess process =
        ManagedProcess.start(
            "dockerd",
            List.of(dockerd.toString(), "--storage-driver=vfs"),
            Path.of("/"),
            LOG,
            LOG,
            Map.of());
    String[] found = new String[1];
    try {
      Servers.awaitReady(
          "dockerd", READY_TIMEOUT, process, () -> (found[0] = answeringCli(cli)) != null);
    } catch (IllegalStateException e) {
      process.close();
      throw e;
    }
    return new DockerDaemon(found[0], process);
  }

  /** DOCKER_HOST if set, else unix:///var/run/docker.sock. */
  public URI dockerHost() {
    String env = System.getenv("DOCKER_HOST");
    return env == null || env.isBlank() ? DEFAULT_DOCKER_HOST : URI.create(env);
  }

  /** Path of the docker CLI that answered. */
  public String cli() {
    return cli;
  }

  /** True when this instance started dockerd (and close() will stop it). */
  public boolean startedHere() {
    return startedHere != null;
  }

  /** Server API version, e.g. "1.41". */
  public String serverApiVersion() {
    return docker("version", "--format", "{{.Server.APIVersion}}").orThrow().stdout().strip();
  }

  /** Runs the docker CLI with these arguments (3 min timeout); check {@link Exec.Result#ok()}. */
  public Exec.Result docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add(cli);
    command.addAll(List.of(args));
    return Exec.run(CLI_TIMEOUT, command, Map.of());
  }

  @Override
  public void close() {
    if (startedHere != null) {
      startedHere.close();
    }
  }

  private static String answeringCli(String onPath) {
    for (String candidate : List.of(onPath, "/usr/bin/docker")) {
      if (Files.isExecutable(Path.of(candidate))
          && Exec.run(Duration.ofSeconds(20), candidate, "info", "--format", "{{.ServerVersion}}").ok()) {
        return candidate;
      }
    }
    return null;
  }
}
