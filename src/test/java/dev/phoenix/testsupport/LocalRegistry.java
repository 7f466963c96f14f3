package dev.phoenix.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real registry ({@code docker-registry serve}, distribution 2.8) on 127.0.0.1:free-port with
 * filesystem storage in a temp dir, deletes enabled and an access log the test can read.
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start()) {
 *   String digest = registry.pushSyntheticImage("shop/web", "v1", "a".getBytes());
 *   assertThat(registry.manifestStatus("shop/web", digest)).isEqualTo(200);
 * }
 * }</pre>
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;

  private final Path root;
  private final int port;
  private final ManagedProcess process;
  private final RegistryTestClient client;

  private LocalRegistry(Path root, int port, ManagedProcess process) {
    this.root = root;
    this.port = port;
    this.process = process;
    this.client = new RegistryTestClient(baseUri());
  }

  /** Starts a fresh, empty registry and waits (at most 20 s) until GET /v2/ answers 200. */
  public static LocalRegistry start() {
    Path binary = Servers.requireBinary("docker-registry", "the local OCI registry");
    IllegalStateException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) { // retry: the free port may be taken
      Path root = RegistryConfig.createRoot();
      int port = Servers.freeLoopbackPort();
      Path config = RegistryConfig.write(root, port);
      ManagedProcess process =
          ManagedProcess.start(
              "docker-registry",
              List.of(binary.toString(), "serve", config.toString()),
              root,
              root.resolve("access.log"),
              root.resolve("registry.log"),
              Map.of());
      LocalRegistry registry = new LocalRegistry(root, port, process);
      try {
        Servers.awaitReady("docker-registry on 127.0.0.1:" + port, READY_TIMEOUT, process, registry::answers);
        return registry;
      } catch (IllegalStateException e) {
        registry.close();
        last = e;
      }
    }
    throw last;
  }

  /** "127.0.0.1:PORT", the registry part of an image reference. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public URI baseUri() {
    return URI.create("http://" + hostPort());
  }

  /** Filesystem storage root (docker/registry/v2/... underneath). */
  public Path storageDir() {
    return root.resolve("data");
  }

  public Path accessLogFile() {
    return root.resolve("access.log");
  }

  /** The pure-HTTP client bound to this registry. */
  public RegistryTestClient client() {
    return client;
  }

  /** "127.0.0.1:PORT/repo@sha256:..." */
  public String reference(String repo, String digest) {
    return hostPort() + "/" + repo + "@" + digest;
  }

  /**
   * Access log lines (combined log format, one per request). Waits until the log has been quiet for
   * 100 ms (at most 2 s): the registry writes a line just after it answers.
   */
  public List<String> accessLog() {
    return Servers.quietLines(accessLogFile(), StandardCharsets.UTF_8);
  }

  /** Number of logged requests with this HTTP method whose path contains {@code pathFragment}. */
  public long countRequests(String method, String pathFragment) {
    return countRequests(accessLog(), method, pathFragment);
  }

  /** Same as {@link #countRequests(String, String)} over the given lines (e.g. a sublist after a mark). */
  public static long countRequests(List<String> lines, String method, String pathFragment) {
    return lines.stream()
        .map(line -> line.substring(line.indexOf('"') + 1))
        .filter(request -> request.startsWith(method + " "))
        .map(request -> request.split(" ", 3)[1])
        .filter(path -> path.contains(pathFragment))
        .count();
  }

  public String pushSyntheticImage(String repo, String tag, byte[] layerContent) {
    return client.pushSyntheticImage(repo, tag, layerContent);
  }

  public int manifestStatus(String repo, String reference) {
    return client.manifestStatus(repo, reference);
  }

  public void deleteManifest(String repo, String digest) {
    client.deleteManifest(repo, digest);
  }

  /** Runnable busybox image via scripts/lib/test-image.sh (needs the Docker daemon); returns the digest. */
  public String pushImage(String repo, String tag) {
    return TestImages.buildAndPush(repo, tag, hostPort(), null);
  }

  /** As {@link #pushImage(String, String)}, with {@code extraFile} served at GET /<file name>. */
  public String pushImage(String repo, String tag, Path extraFile) {
    return TestImages.buildAndPush(repo, tag, hostPort(), extraFile);
  }

  /** Stops the registry and deletes its storage. */
  @Override
  public void close() {
    process.close();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dir; best effort
    }
  }

  private boolean answers() {
    try {
      return client.ping() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
