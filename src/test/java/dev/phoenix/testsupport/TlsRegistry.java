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
  private final InetAddress address;
  private final int port;
  private final ManagedProcess process;

  private TlsRegistry(Path root, InetAddress address, int port, ManagedProcess process) {
    this.root = root;
    this.address = address;
    this.port = port;
    this.process = process;
  }

  public static TlsRegistry serve(LocalRegistry storageOf, Path certificate, Path key) {
    return serve(storageOf, certificate, key, InetAddress.getLoopbackAddress(), Servers.freeLoopbackPort(), null);
  }

  /**
   * As a registry whose name has no port (an ECR host): HTTPS on port 443 of a loopback address of
   * its own in 127.0.0.0/8 (so it takes no one else's 443), with htpasswd (bcrypt) auth for
   * {@code user}/{@code password}. Needs root, as binding port 443 does.
   */
  public static TlsRegistry serveOn443(LocalRegistry storageOf, Path certificate, Path key, String user,
      String password) {
    for (int attempt = 0; attempt < 20; attempt++) {
      java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
      InetAddress address;
      try {
        address = InetAddress.getByAddress(new byte[] {127, (byte) r.nextInt(16, 250), (byte) r.nextInt(1, 250),
            (byte) r.nextInt(2, 250)});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (java.net.ServerSocket probe = new java.net.ServerSocket(443, 1, address)) {
        probe.setReuseAddress(true);
      } catch (IOException busyOrNotRoot) {
        continue;
      }
      return serve(storageOf, certificate, key, address, 443, htpasswd(user, password));
    }
    throw new IllegalStateException("no free loopback address for port 443 (this test binds port 443: run it as root)");
  }

  private static Path htpasswd(String user, String password) {
    Path binary = Servers.requireBinary("htpasswd", "bcrypt password files (Debian apache2-utils)");
    try {
      Path file = Files.createTempFile("phoenix-htpasswd-", "");
      Exec.Result made = Exec.run(Duration.ofSeconds(30), binary.toString(), "-Bbn", user, password);
      made.orThrow();
      Files.writeString(file, made.stdout(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TlsRegistry serve(LocalRegistry storageOf, Path certificate, Path key, InetAddress address, int port,
      Path htpasswd) {
    Path binary = Servers.requireBinary("docker-registry", "the local OCI registry");
    Path root = RegistryConfig.createRoot();
    Path config = RegistryConfig.write(root, storageOf.storageDir(), address.getHostAddress() + ":" + port,
        certificate, key, htpasswd);
    ManagedProcess process = ManagedProcess.start("docker-registry (TLS)",
        List.of(binary.toString(), "serve", config.toString()), root, root.resolve("access.log"),
        root.resolve("registry.log"), Map.of());
    TlsRegistry registry = new TlsRegistry(root, address, port, process);
    try {
      Servers.awaitReady("docker-registry (TLS) on " + address.getHostAddress() + ":" + port, Duration.ofSeconds(20),
          process, registry::listening);
      return registry;
    } catch (IllegalStateException e) {
      registry.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** The loopback address it listens on (a hosts file maps the registry's name to it). */
  public String address() {
    return address.getHostAddress();
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

  /** Every HTTP request the registry logged, writes included. */
  public List<String> allRequests() {
    try {
      Servers.sleep(200); // the registry logs just after it answers
      return Files.readAllLines(root.resolve("access.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 200);
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
