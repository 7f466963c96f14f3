package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real {@code docker-registry} speaking TLS on 127.0.0.1:free-port with the given certificate,
 * serving the storage of another (plain HTTP) {@link LocalRegistry}: images are pushed through that
 * one and read through this one. Its access log shows whether any HTTP request got through.
 */
public final class TlsRegistry implements AutoCloseable {
  private final Path root;
  private final int port;
  private final ManagedProcess process;

  private TlsRegistry(Path root, int port, ManagedProcess process) {
    this.root = root;
    this.port = port;
    this.process = process;
  }

  public static TlsRegistry serve(LocalRegistry storageOf, Path certificate, Path key) {
    Path binary = Servers.requireBinary("docker-registry", "the local OCI registry");
    Path root = RegistryConfig.createRoot();
    int port = Servers.freeLoopbackPort();
    Path config = RegistryConfig.write(root, storageOf.storageDir(), port, certificate, key);
    ManagedProcess process = ManagedProcess.start("docker-registry (TLS)",
        List.of(binary.toString(), "serve", config.toString()), root, root.resolve("access.log"),
        root.resolve("registry.log"), Map.of());
    TlsRegistry registry = new TlsRegistry(root, port, process);
    try {
      Servers.awaitReady("docker-registry (TLS) on 127.0.0.1:" + port, Duration.ofSeconds(20), process,
          registry::listening);
      return registry;
    } catch (IllegalStateException e) {
      registry.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** HTTP requests the registry logged (a failed TLS handshake logs none). */
  public List<String> accessLog() {
    try {
      Servers.sleep(200); // the registry logs just after it answers
      return Files.readAllLines(root.resolve("access.log"), StandardCharsets.UTF_8).stream()
          .filter(l -> l.contains("\"GET ") || l.contains("\"HEAD ")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.close();
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dir; best effort
    }
  }
}
