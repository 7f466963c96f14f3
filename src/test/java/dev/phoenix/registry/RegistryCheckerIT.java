package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.blobData;
import static dev.phoenix.registry.Fixtures.bytes;
import static dev.phoenix.registry.Fixtures.checkOne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.Servers;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RegistryChecker against a real docker-registry: missing, corrupt, index following, unreachable. */
class RegistryCheckerIT {
  private static LocalRegistry registry;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void presentImageIsOkShallowAndDeepWithOneManifestRequestWhenShallow() {
    String digest = registry.pushSyntheticImage("ok/app", "v1", bytes("ok app"));
    int before = registry.accessLog().size();

    Finding shallow = checkOne(registry.hostPort(), "ok/app", digest, false);
    var shallowLog = registry.accessLog().subList(before, registry.accessLog().size());
    Finding deep = checkOne(registry.hostPort(), "ok/app", digest, true);

    assertThat(shallow.status()).isEqualTo(Status.OK);
    assertThat(LocalRegistry.countRequests(shallowLog, "GET", "/v2/ok/app/manifests/" + digest)).isEqualTo(1);
    assertThat(LocalRegistry.countRequests(shallowLog, "HEAD", "/v2/ok/app/")).isZero();
    assertThat(LocalRegistry.countRequests(shallowLog, "GET", "/blobs/")).isZero();
    assertThat(deep).isEqualTo(Finding.ok("present, manifest and 2 blobs verified"));
  }

  @Test
  void aCheckerOnTheRunsSharedClientLeavesItOpenForTheNextUser() {
    String digest = registry.pushSyntheticImage("shared/app", "v1", bytes("shared app"));
    Ref.Image ref = new Ref.Image(registry.hostPort(), "shared/app", Digest.of(digest));
    try (RegistryClient shared = new RegistryClient(RegistryCredentials.anonymous(), Fixtures.fast(), Set.of())) {
      RegistryChecker checker = new RegistryChecker(shared);
      assertThat(checker.check(List.of(ref), Fixtures.options(true)).get(ref))
          .isEqualTo(Finding.ok("present, manifest and 2 blobs verified"));
      assertThat(checker.check(List.of(ref), Fixtures.options(false)).get(ref).status()).isEqualTo(Status.OK);
      // the checks closed only what they borrowed: keep tags and tag lookups still go through the same client
      assertThat(shared.resolveTag(new ImageReference(registry.hostPort(), "shared/app", "v1", null)))
          .contains(Digest.of(digest));
    }
  }

  @Test
  void deletedManifestIsMissingNamingHostRepoAndDigest() {
    String digest = registry.pushSyntheticImage("gone/app", "v1", bytes("gone app"));
    registry.deleteManifest("gone/app", digest);

    Finding f = checkOne(registry.hostPort(), "gone/app", digest, false);

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.reason()).contains(registry.hostPort() + "/gone/app").contains(digest.substring(0, 19));
  }

  @Test
  void blobDeletedFromStorageIsOnlyCaughtByDeep() throws Exception {
    String digest = registry.pushSyntheticImage("noblob/app", "v1", bytes("no blob app"));
    String layer = Fixtures.layerDigest("no blob app");
    Files.delete(blobData(registry, layer));

    Finding shallow = checkOne(registry.hostPort(), "noblob/app", digest, false);
    Finding deep = checkOne(registry.hostPort(), "noblob/app", digest, true);

    assertThat(shallow.status()).isEqualTo(Status.OK);
    assertThat(deep.status()).isEqualTo(Status.MISSING);
    assertThat(deep.reason()).startsWith("blob " + layer.substring(0, 19)).contains("missing");
  }

  @Test
  void blobWithChangedBytesIsCorruptUnderDeep() {
    String digest = registry.pushSyntheticImage("rot/app", "v1", bytes("bit rot app"));
    var data = blobData(registry, Fixtures.layerDigest("bit rot app"));
    byte[] bytes = readAll(data);
    bytes[bytes.length / 2] ^= 0x01; // same size, other bytes
    Fixtures.write(data, bytes);

    Finding deep = checkOne(registry.hostPort(), "rot/app", digest, true);

    assertThat(deep.status()).isEqualTo(Status.CORRUPT);
    assertThat(deep.reason()).contains("hashes to sha256:");
  }

  @Test
  void indexIsFollowedAndAMissingPlatformManifestMakesItMissing() {
    String amd64 = registry.pushSyntheticImage("multi/app", "amd64", bytes("multi amd64"));
    String arm64 = registry.pushSyntheticImage("multi/app", "arm64", bytes("multi arm64"));
    String index = Fixtures.pushIndex(registry, "multi/app", "v1", amd64, arm64);

    Finding before = checkOne(registry.hostPort(), "multi/app", index, false);
    Finding deepBefore = checkOne(registry.hostPort(), "multi/app", index, true);
    registry.deleteManifest("multi/app", arm64);
    Finding after = checkOne(registry.hostPort(), "multi/app", index, false);

    assertThat(before).isEqualTo(Finding.ok("present, 2 platform manifests"));
    assertThat(deepBefore).isEqualTo(Finding.ok("present, 2 platform manifests verified"));
    assertThat(after.status()).isEqualTo(Status.MISSING);
    assertThat(after.reason()).contains("platform manifest (linux/arm64)").contains(arm64.substring(0, 19));
  }

  @Test
  void closedPortIsUnknownWithReason() {
    String closed = "127.0.0.1:" + Servers.freeLoopbackPort();
    String digest = "sha256:" + "a".repeat(64);

    Finding f = checkOne(closed, "any/app", digest, false);

    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).isEqualTo("registry " + closed + " unreachable (connection refused)");
  }

  private static byte[] readAll(java.nio.file.Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
