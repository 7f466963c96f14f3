package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.testsupport.LocalRegistry;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** resolveTag, tag and tags (with pagination) against a real registry. */
class RegistryTaggingIT {
  private static LocalRegistry registry;
  private static RegistryClient client;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
    client = new RegistryClient(RegistryCredentials.anonymous(), Fixtures.fast(), Set.of());
  }

  @AfterAll
  static void stop() {
    client.close();
    registry.close();
  }

  @Test
  void resolveTagThenTagThenListRoundTrip() {
    String pushed = registry.pushSyntheticImage("shop/api", "release", bytes("api release"));
    String host = registry.hostPort();

    Digest resolved = client.resolveTag(ImageReference.of(host + "/shop/api:release")).orElseThrow();
    client.tag(host, "shop/api", resolved, "phoenix-keep-2026-11-26");

    assertThat(resolved.toString()).isEqualTo(pushed);
    assertThat(client.resolveTag(ImageReference.of(host + "/shop/api:phoenix-keep-2026-11-26"))).contains(resolved);
    assertThat(client.tags(host, "shop/api")).containsExactlyInAnyOrder("release", "phoenix-keep-2026-11-26");
    assertThat(client.resolveTag(ImageReference.of(host + "/shop/api:nope"))).isEmpty();
    assertThat(registry.client().getManifest("shop/api", "phoenix-keep-2026-11-26").headers()
        .firstValue("Content-Type")).contains(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void indexKeepsItsMediaTypeWhenTagged() {
    String amd64 = registry.pushSyntheticImage("shop/multi", "amd64", bytes("multi amd64 t"));
    String arm64 = registry.pushSyntheticImage("shop/multi", "arm64", bytes("multi arm64 t"));
    String index = Fixtures.pushIndex(registry, "shop/multi", "v1", amd64, arm64);

    client.tag(registry.hostPort(), "shop/multi", Digest.of(index), "kept");

    assertThat(registry.client().getManifest("shop/multi", "kept").headers().firstValue("Content-Type"))
        .contains(MediaTypes.OCI_INDEX);
    assertThat(client.resolveTag(ImageReference.of(registry.hostPort() + "/shop/multi:kept")))
        .contains(Digest.of(index));
  }

  @Test
  void tagsFollowLinkPagination() {
    // docker-registry 2.8 ignores ?n= on tags/list, so the proxy serves the pages (Link: rel="next")
    java.util.List<String> all = java.util.List.of("t0", "t1", "t2", "t3", "t4");
    try (TestProxy proxy = new TestProxy(null)) {
      proxy.rule((req, x) -> {
        int from = req.path().contains("last=") ? all.indexOf(req.path().replaceAll(".*last=([^&]*).*", "$1")) + 1 : 0;
        java.util.List<String> page = all.subList(from, Math.min(all.size(), from + 2));
        java.util.Map<String, String> headers = new java.util.HashMap<>(java.util.Map.of("Content-Type", "application/json"));
        if (from + 2 < all.size()) {
          headers.put("Link", "</v2/shop/paged/tags/list?n=2&last=" + page.get(1) + ">; rel=\"next\"");
        }
        String body = "{\"name\":\"shop/paged\",\"tags\":[\"" + String.join("\",\"", page) + "\"]}";
        TestProxy.respond(x, 200, headers, bytes(body));
        return true;
      });

      assertThat(client.tags(proxy.hostPort(), "shop/paged")).containsExactly("t0", "t1", "t2", "t3", "t4");
      assertThat(proxy.seen()).extracting(TestProxy.Seen::path).containsExactly(
          "/v2/shop/paged/tags/list?n=1000", "/v2/shop/paged/tags/list?n=2&last=t1",
          "/v2/shop/paged/tags/list?n=2&last=t3");
    }
  }

  @Test
  void taggingAMissingDigestIsAnInputError() {
    Digest absent = Digest.of("sha256:" + "d".repeat(64));

    assertThatThrownBy(() -> client.tag(registry.hostPort(), "shop/api", absent, "x"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("not found at " + registry.hostPort() + "/shop/api")
        .extracting(e -> ((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.INPUT);
  }
}
