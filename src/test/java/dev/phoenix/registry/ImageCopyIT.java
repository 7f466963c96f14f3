package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.model.Digest;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.RegistryTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Image copy between two real docker-registry processes: digests kept, blobs sent once, mounts, signatures. */
class ImageCopyIT {
  static LocalRegistry source;
  static LocalRegistry target;
  static RegistryClient client;
  static String big;
  static String other;
  static String index;
  static String[] children = new String[2];
  static String signature;

  @BeforeAll
  static void start() {
    source = LocalRegistry.start();
    target = LocalRegistry.start();
    client = new RegistryClient(RegistryCredentials.anonymous(), Fixtures.fast(), Set.of());
    byte[] layer = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(layer);
    big = source.pushSyntheticImage("shop/api", "v1", layer);
    other = source.pushSyntheticImage("shop/web", "v1", layer); // same blobs, another repository
    RegistryTestClient src = source.client();
    children[0] = src.pushSyntheticImage("shop/api", "amd64", "amd64".getBytes(StandardCharsets.UTF_8));
    children[1] = src.pushSyntheticImage("shop/api", "arm64", "arm64".getBytes(StandardCharsets.UTF_8));
    String list = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + child(children[0], "amd64") + "," + child(children[1], "arm64") + "]}";
    index = src.putManifest("shop/api", "multi", MediaTypes.OCI_INDEX, list.getBytes(StandardCharsets.UTF_8));
    signature = src.pushSyntheticImage("shop/api", "sha256-" + big.substring(7) + ".sig",
        "signature".getBytes(StandardCharsets.UTF_8));
  }

  private static String child(String digest, String arch) {
    int size = source.client().getManifest("shop/api", digest).body().getBytes(StandardCharsets.UTF_8).length;
    return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":" + size
        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\"}}";
  }

  @AfterAll
  static void stop() {
    client.close();
    target.close();
    source.close();
  }

  private static Instant deadline() {
    return Instant.now().plus(Duration.ofMinutes(2));
  }

  @Test
  void copiesByDigestSendsEachBlobOnceMountsAcrossRepositoriesAndBringsSignatures() {
    ImageCopy copy = client.copier();
    ImageCopy.Result first = copy.copy(source.hostPort(), target.hostPort(), "shop/api", Digest.of(big), deadline());
    ImageCopy.Result web = copy.copy(source.hostPort(), target.hostPort(), "shop/web", Digest.of(other), deadline());
    ImageCopy.Result multi = copy.copy(source.hostPort(), target.hostPort(), "shop/api", Digest.of(index), deadline());

    assertThat(first.alreadyThere()).isFalse();
    assertThat(first.signatureTags()).isEqualTo(1);
    assertThat(multi.manifestsWritten()).isEqualTo(3); // the index and both platform manifests
    for (String d : List.of(big, index, children[0], children[1])) {
      assertThat(target.manifestStatus("shop/api", d)).as(d).isEqualTo(200);
      assertThat(target.client().getManifest("shop/api", d).body())
          .isEqualTo(source.client().getManifest("shop/api", d).body());
    }
    assertThat(target.manifestStatus("shop/web", other)).isEqualTo(200);
    assertThat(target.manifestStatus("shop/api", "sha256-" + big.substring(7) + ".sig")).isEqualTo(200);
    assertThat(target.manifestStatus("shop/api", signature)).isEqualTo(200);

    List<String> log = target.accessLog();
    Map<String, Long> puts = blobPuts(log);
    assertThat(puts).isNotEmpty().allSatisfy((digest, n) -> assertThat(n).as(digest).isEqualTo(1L));
    // shop/web's two blobs came by mount, not by upload
    assertThat(LocalRegistry.countRequests(log, "POST", "/v2/shop/web/blobs/uploads/?mount=")).isEqualTo(2);
    assertThat(web.manifestsWritten()).isEqualTo(1);
    ImageCopy.Totals totals = copy.totals();
    assertThat(totals.blobsMounted()).isEqualTo(2);
    assertThat(totals.blobsSent()).isEqualTo(puts.size());
    assertThat(totals.bytesSent()).isGreaterThan(3L * 1024 * 1024);

    // a second run copies nothing: HEADs only
    int before = target.accessLog().size();
    ImageCopy again = client.copier();
    assertThat(again.copy(source.hostPort(), target.hostPort(), "shop/api", Digest.of(big), deadline()).alreadyThere()).isTrue();
    assertThat(again.copy(source.hostPort(), target.hostPort(), "shop/api", Digest.of(index), deadline()).alreadyThere()).isTrue();
    List<String> after = target.accessLog().subList(before, target.accessLog().size());
    assertThat(after).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"HEAD "));
  }

  @Test
  void anImageTheSourceLacksIsNotFound() {
    Digest absent = Digest.of("sha256:" + "0".repeat(64));
    assertThatThrownBy(() -> client.copier().copy(source.hostPort(), target.hostPort(), "shop/none", absent, deadline()))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND))
        .hasMessageContaining("not found at " + source.hostPort() + "/shop/none");
  }

  private static final Pattern PUT = Pattern.compile("\"PUT /v2/[^ ]*/blobs/uploads/[^ ]*[?&]digest=(sha256(?::|%3A)[0-9a-f]{64})");

  /** Blob PUTs per digest in the access log. */
  static Map<String, Long> blobPuts(List<String> log) {
    return log.stream().map(PUT::matcher).filter(Matcher::find).map(m -> m.group(1).replace("%3A", ":"))
        .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
  }
}
