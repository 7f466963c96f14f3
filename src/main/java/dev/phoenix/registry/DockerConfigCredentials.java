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
 * {@code ~/.docker/config.json}, chosen per host as Docker does: the helper named in
 * {@code credHelpers.<host>}, else the {@code credsStore} helper, else {@code auths.<host>.auth}
 * (base64 {@code user:password}) — which also counts when the named helper is not installed. A helper runs at most once per host and run (see
 * {@link CredentialHelper}); {@code identitytoken} is not used. A missing or unreadable file means
 * anonymous access, never an error.
 */
public final class DockerConfigCredentials implements RegistryCredentials {
  private final Map<String, RegistryCredential> byHost;
  private final Map<String, CredentialHelper> helpers;
  private final CredentialHelper store;
  private final Map<String, Optional<RegistryCredential>> asked = new java.util.concurrent.ConcurrentHashMap<>();

  private DockerConfigCredentials(Map<String, RegistryCredential> byHost, Map<String, CredentialHelper> helpers,
      CredentialHelper store) {
    this.byHost = Map.copyOf(byHost);
    this.helpers = Map.copyOf(helpers);
    this.store = store;
  }

  /**
   * Reads the file named by the environment ({@code DOCKER_CONFIG}, {@code HOME}); credential
   * helpers are looked up on its {@code PATH} and run with exactly this environment.
   */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> env) {
    return fromFile(configFile(env), env);
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
    return fromFile(file, System.getenv());
  }

  static DockerConfigCredentials fromFile(Path file, Map<String, String> env) {
    Map<String, RegistryCredential> found = new HashMap<>();
    Map<String, CredentialHelper> helpers = new HashMap<>();
    CredentialHelper store = null;
    if (!Files.isRegularFile(file)) {
      return new DockerConfigCredentials(found, helpers, null);
    }
    try {
      JsonNode config = new ObjectMapper().readTree(Files.readAllBytes(file));
      for (Map.Entry<String, JsonNode> e : config.path("auths").properties()) {
        decode(e.getValue().path("auth").asText("")).ifPresent(c -> found.put(normalize(e.getKey()), c));
      }
      for (Map.Entry<String, JsonNode> e : config.path("credHelpers").properties()) {
        if (!e.getValue().asText("").isBlank()) {
          helpers.put(normalize(e.getKey()), new CredentialHelper(e.getValue().asText().trim(), env));
        }
      }
      String credsStore = config.path("credsStore").asText("").trim();
      store = credsStore.isEmpty() ? null : new CredentialHelper(credsStore, env);
    } catch (IOException | RuntimeException e) {
      // unreadable config: anonymous access; the registry's 401 will say what is wrong
    }
    return new DockerConfigCredentials(found, helpers, store);
  }

  @Override
  public Optional<RegistryCredential> lookup(String registry) {
    String host = normalize(registry);
    CredentialHelper helper = helpers.getOrDefault(host, store);
    if (helper == null || !helper.installed()) { // a config copied from a desktop: its auths still count
      return Optional.ofNullable(byHost.get(host));
    }
    return asked.computeIfAbsent(host, h -> helper.get(serverAddress(registry, h)));
  }

  /** What Docker hands a helper: the host as written, Docker Hub as its legacy index URL. */
  private static String serverAddress(String registry, String host) {
    return host.equals("index.docker.io") ? "https://index.docker.io/v1/" : registry.trim();
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
