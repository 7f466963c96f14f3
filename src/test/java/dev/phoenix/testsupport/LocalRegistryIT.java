package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRegistryIT {

  @Test
  void pushedSyntheticImageIsThereUntilDeletedAndEveryRequestIsLogged() {
    try (LocalRegistry registry = LocalRegistry.start()) {
      String digest = registry.pushSyntheticImage("shop/web", "v1", bytes("web v1"));

      assertThat(digest).matches("sha256:[0-9a-f]{64}");
      assertThat(registry.manifestStatus("shop/web", "v1")).isEqualTo(200);
      assertThat(registry.manifestStatus("shop/web", digest)).isEqualTo(200);
      var manifest = registry.client().getManifest("shop/web", digest);
      assertThat(SyntheticLayer.sha256(manifest.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(digest);
      assertThat(manifest.body()).contains(SyntheticLayer.of(bytes("web v1")).digest());

      registry.deleteManifest("shop/web", digest);

      assertThat(registry.manifestStatus("shop/web", digest)).isEqualTo(404);
      assertThat(registry.manifestStatus("shop/web", "v1")).isEqualTo(404);
      List<String> log = registry.accessLog();
      assertThat(LocalRegistry.countRequests(log, "HEAD", "/v2/shop/web/manifests/" + digest)).isEqualTo(2);
      assertThat(LocalRegistry.countRequests(log, "DELETE", "/v2/shop/web/manifests/" + digest)).isEqualTo(1);
      assertThat(LocalRegistry.countRequests(log, "PUT", "/v2/shop/web/manifests/v1")).isEqualTo(1);
      assertThat(log).anyMatch(line -> line.contains("\"HEAD /v2/shop/web/manifests/" + digest) && line.contains("\" 404 "));
    }
  }

  @Test
  void digestsFollowLayerContent() {
    try (LocalRegistry registry = LocalRegistry.start()) {
      String a = registry.pushSyntheticImage("app", "a", bytes("one"));
      String b = registry.pushSyntheticImage("app", "b", bytes("two"));
      String again = registry.pushSyntheticImage("app", "c", bytes("one"));

      assertThat(a).isNotEqualTo(b).isEqualTo(again);
      assertThat(registry.storageDir().resolve("docker/registry/v2/repositories/app/_manifests/tags/b"))
          .isDirectory();
      assertThat(registry.reference("app", a)).isEqualTo(registry.hostPort() + "/app@" + a);
    }
  }

  @Test
  void closeStopsTheServerAndRemovesItsStorage() {
    LocalRegistry registry = LocalRegistry.start();
    String hostPort = registry.hostPort();
    registry.pushSyntheticImage("gone", "v1", bytes("x"));
    assertThat(registry.storageDir()).isDirectory();

    registry.close();

    assertThat(hostPort).startsWith("127.0.0.1:");
    assertThat(Files.exists(registry.storageDir())).isFalse();
    assertThatThrownBy(() -> registry.manifestStatus("gone", "v1"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
