package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The docker-registry (distribution 2.8) config a {@link LocalRegistry} runs with. */
final class RegistryConfig {
  private RegistryConfig() {}

  /** A fresh temp dir with an empty data/ storage dir. */
  static Path createRoot() {
    try {
      Path root = Files.createTempDirectory("phoenix-registry-");
      Files.createDirectories(root.resolve("data"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes root/config.yml: filesystem storage in root/data, deletes enabled, no blob descriptor
   * cache (a cache can answer for deleted blobs), access log on (it goes to the process's stdout),
   * listening on 127.0.0.1:port only.
   */
  static Path write(Path root, int port) {
    return write(root, root.resolve("data"), port, null, null);
  }

  /**
   * As {@link #write(Path, int)}, with storage in {@code data} (which may be another registry's) and,
   * when {@code certificate} is not null, TLS with that PEM certificate chain and key.
   */
  static Path write(Path root, Path data, int port, Path certificate, Path key) {
    return write(root, data, "127.0.0.1:" + port, certificate, key, null);
  }

  /** As above, listening on {@code address} (host:port), with htpasswd (bcrypt) auth when {@code htpasswd} is set. */
  static Path write(Path root, Path data, String address, Path certificate, Path key, Path htpasswd) {
    List<String> lines = new java.util.ArrayList<>(
        List.of(
            "version: 0.1",
            "log:",
            "  level: info",
            "  formatter: text",
            "  accesslog:",
            "    disabled: false",
            "storage:",
            "  filesystem:",
            "    rootdirectory: " + data,
            "  delete:",
            "    enabled: true",
            "  maintenance:",
            "    uploadpurging:",
            "      enabled: false",
            "http:",
            "  addr: " + address,
            "  secret: " + UUID.randomUUID()));
    if (certificate != null) {
      lines.addAll(List.of("  tls:", "    certificate: " + certificate, "    key: " + key));
    }
    if (htpasswd != null) {
      lines.addAll(List.of("auth:", "  htpasswd:", "    realm: phoenix-test", "    path: " + htpasswd));
    }
    try {
      return Files.write(root.resolve("config.yml"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
