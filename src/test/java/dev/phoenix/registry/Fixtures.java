package dev.phoenix.registry;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Digest;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.RegistryTestClient;
import dev.phoenix.testsupport.SyntheticLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared helpers of the registry integration tests. */
final class Fixtures {
  private Fixtures() {}

  /** Default settings with fast retries (10 ms base) so tests stay quick. */
  static RegistrySettings fast() {
    return RegistrySettings.defaults()
        .withRetry(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2)))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  static CheckOptions options(boolean deep) {
    return new CheckOptions(deep, 8, Instant.now().plusSeconds(60), Set.of(), r -> {});
  }

  static Map<Ref, Finding> check(RegistryCredentials credentials, boolean deep, Collection<? extends Ref> refs) {
    return new RegistryChecker(credentials, fast()).check(List.copyOf(refs), options(deep));
  }

  static Finding checkOne(String registry, String repo, String digest, boolean deep) {
    return checkOne(RegistryCredentials.anonymous(), registry, repo, digest, deep);
  }

  static Finding checkOne(RegistryCredentials credentials, String registry, String repo, String digest,
      boolean deep) {
    Ref ref = new Ref.Image(registry, repo, Digest.of(digest));
    return check(credentials, deep, List.of(ref)).get(ref);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The data file of a blob in the registry's filesystem storage. */
  static Path blobData(LocalRegistry registry, String digest) {
    String hex = digest.substring("sha256:".length());
    return registry.storageDir().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  /** Layer digest of a synthetic image pushed with {@code content}. */
  static String layerDigest(String content) {
    return SyntheticLayer.of(bytes(content)).digest();
  }

  /** Pushes an OCI index over two existing manifests; returns the index digest. */
  static String pushIndex(LocalRegistry registry, String repo, String tag, String amd64, String arm64) {
    RegistryTestClient c = registry.client();
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + entry(c, repo, amd64, "amd64") + "," + entry(c, repo, arm64, "arm64") + "]}";
    return c.putManifest(repo, tag, MediaTypes.OCI_INDEX, bytes(index));
  }

  private static String entry(RegistryTestClient c, String repo, String digest, String arch) {
    int size = c.getManifest(repo, digest).body().getBytes(StandardCharsets.UTF_8).length;
    return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":" + size
        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\"}}";
  }

  static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
