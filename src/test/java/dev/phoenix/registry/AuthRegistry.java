package dev.phoenix.registry;

import dev.phoenix.testsupport.ManagedProcess;
import dev.phoenix.testsupport.Servers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A second real docker-registry serving the same storage as an open one, but with htpasswd (bcrypt)
 * authentication; the password file is made with {@code htpasswd -Bbn}.
 */
final class AuthRegistry implements AutoCloseable {
  private final ManagedProcess process;
  private final Path dir;
  private final int port;

  private AuthRegistry(ManagedProcess process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  static AuthRegistry start(Path storage, String user, String password) {
    Path registry = Servers.requireBinary("docker-registry", "the authenticated test registry");
    Path htpasswd = Servers.requireBinary("htpasswd", "bcrypt password files (Debian apache2-utils)");
    try {
      Path dir = Files.createTempDirectory("phoenix-auth-registry-");
      Process p = new ProcessBuilder(htpasswd.toString(), "-Bbn", user, password).start();
      byte[] line = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("htpasswd failed: " + new String(p.getErrorStream().readAllBytes()));
      }
      Files.write(dir.resolve("htpasswd"), line);
      int port = Servers.freeLoopbackPort();
      Files.write(dir.resolve("config.yml"), List.of(
          "version: 0.1",
          "log:",
          "  level: info",
          "storage:",
          "  filesystem:",
          "    rootdirectory: " + storage,
          "auth:",
          "  htpasswd:",
          "    realm: phoenix-test",
          "    path: " + dir.resolve("htpasswd"),
          "http:",
          "  addr: 127.0.0.1:" + port,
          "  secret: " + UUID.randomUUID()), StandardCharsets.UTF_8);
      ManagedProcess process = ManagedProcess.start("docker-registry (htpasswd)",
          List.of(registry.toString(), "serve", dir.resolve("config.yml").toString()), dir,
          dir.resolve("registry.log"), dir.resolve("registry.log"), Map.of());
      AuthRegistry started = new AuthRegistry(process, dir, port);
      Servers.awaitReady("docker-registry (htpasswd) on 127.0.0.1:" + port, Duration.ofSeconds(20), process,
          () -> started.pingStatus() == 401);
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  private int pingStatus() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + hostPort() + "/v2/"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    process.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dir
    }
  }
}
