package dev.phoenix.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.core.Executables;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper ({@code docker-credential-<name>} on PATH, as named by config.json's
 * {@code credsStore} or {@code credHelpers}): runs {@code get} with the server address on stdin and
 * reads {@code {"ServerURL","Username","Secret"}} from stdout. Anything short of a username and a
 * secret — helper failing, slow (10 s), "credentials not found", an identity token
 * ({@code <token>} as username, which needs Docker's OAuth2 exchange) — means anonymous access;
 * the registry's 401 then names the host. Nothing the helper prints is logged or echoed.
 */
final class CredentialHelper {
  private static final long TIMEOUT_SECONDS = 10;
  private static final int MAX_OUTPUT = 64 * 1024;

  private final String name;
  private final Map<String, String> env;

  /** {@code env}: the helper's whole environment (PATH, HOME, and whatever the helper needs). */
  CredentialHelper(String name, Map<String, String> env) {
    this.name = name;
    this.env = Map.copyOf(env);
  }

  String name() {
    return name;
  }

  /** Whether {@code docker-credential-<name>} is on PATH. */
  boolean installed() {
    return binary().isPresent();
  }

  Optional<RegistryCredential> get(String serverAddress) {
    Optional<Path> binary = binary();
    if (binary.isEmpty()) {
      return Optional.empty();
    }
    Process process = null;
    try {
      ProcessBuilder pb = new ProcessBuilder(binary.get().toString(), "get");
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      process = pb.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
      }
      // the answer is a few hundred bytes: it fits the pipe, so waiting first cannot deadlock
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty(); // "credentials not found in native keychain" exits 1
      }
      try (InputStream stdout = process.getInputStream()) {
        return parse(stdout.readNBytes(MAX_OUTPUT));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  static Optional<RegistryCredential> parse(byte[] json) {
    try {
      JsonNode node = new ObjectMapper().readTree(json);
      String user = node.path("Username").asText("");
      String secret = node.path("Secret").asText("");
      if (user.isEmpty() || secret.isEmpty() || user.equals("<token>")) {
        return Optional.empty();
      }
      return Optional.of(new RegistryCredential.Basic(user, secret));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<Path> binary() {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      return Optional.empty(); // a helper name is a suffix, never a path
    }
    return Executables.onPath("docker-credential-" + name, env);
  }
}
