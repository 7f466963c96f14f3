package dev.phoenix.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from Docker's config.json: {@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}. Only {@code auths.<host>.auth} (base64 {@code user:password}) is
 * read; credential helpers ({@code credsStore}, {@code credHelpers}) and {@code identitytoken} are
 * not run or used. A missing or unreadable file means anonymous access, never an error.
 */
public final class DockerConfigCredentials implements RegistryCredentials {
  private final Map<String, RegistryCredential> byHost;

  private DockerConfigCredentials(Map<String, RegistryCredential> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  /** Reads the file named by the environment ({@code DOCKER_CONFIG}, {@code HOME}). */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> env) {
    return fromFile(configFile(env));
  }

  public static DockerConfigCredentials fromEnvironment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("HOME", System.getProperty("user.home"));
    return fromEnvironment(env);
  }

  static Path configFile(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir, "config.json");
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json");
  }

  public static DockerConfigCredentials fromFile(Path file) {
    Map<String, RegistryCredential> found = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return new DockerConfigCredentials(found);
    }
    try {
      JsonNode auths = new ObjectMapper().readTree(Files.readAllBytes(file)).path("auths");
      for (Map.Entry<String, JsonNode> e : auths.properties()) {
        decode(e.getValue().path("auth").asText("")).ifPresent(c -> found.put(normalize(e.getKey()), c));
      }
    } catch (IOException | RuntimeException e) {
      // unreadable config: anonymous access; the registry's 401 will say what is wrong
    }
    return new DockerConfigCredentials(found);
  }

  @Override
  public Optional<RegistryCredential> lookup(String registry) {
    return Optional.ofNullable(byHost.get(normalize(registry)));
  }

  private static Optional<RegistryCredential> decode(String auth) {
    if (auth.isBlank()) {
      return Optional.empty();
    }
    try {
      String plain = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return colon <= 0
          ? Optional.empty()
          : Optional.of(new RegistryCredential.Basic(plain.substring(0, colon), plain.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** "https://index.docker.io/v1/" and "docker.io" both become "index.docker.io". */
  static String normalize(String key) {
    String host = key.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    if (host.equals("docker.io") || host.equals("registry-1.docker.io")) {
      return "index.docker.io";
    }
    return host;
  }
}
