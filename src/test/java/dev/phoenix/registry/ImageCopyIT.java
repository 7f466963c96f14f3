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
    int mark = target.accessLog().size(); // the target is shared by this class's tests
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
    log = log.subList(mark, log.size());
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
  void signatureTagsComeWithTheirImageFollowAMovedTagAndASecondRunSendsNothing() {
    RegistryTestClient src = source.client();
    String signed = src.pushSyntheticImage("sig/app", "v1", "signed".getBytes(StandardCharsets.UTF_8));
    String plain = src.pushSyntheticImage("sig/app", "v2", "plain".getBytes(StandardCharsets.UTF_8));
    String sigTag = "sha256-" + signed.substring(7) + ".sig";
    String attTag = "sha256-" + signed.substring(7) + ".att";
    String sig = src.pushSyntheticImage("sig/app", sigTag, "signature 1".getBytes(StandardCharsets.UTF_8));
    String att = src.pushSyntheticImage("sig/app", attTag, "attestation".getBytes(StandardCharsets.UTF_8));

    ImageCopy first = client.copier();
    ImageCopy.Result one = first.copy(source.hostPort(), target.hostPort(), "sig/app", Digest.of(signed), deadline());
    ImageCopy.Result two = first.copy(source.hostPort(), target.hostPort(), "sig/app", Digest.of(plain), deadline());
    assertThat(one.signatureTags()).isEqualTo(2);
    assertThat(one.manifestsWritten()).isEqualTo(3); // the image, its .sig and its .att
    assertThat(two.signatureTags()).isZero();
    assertThat(servedDigest(target, "sig/app", sigTag)).isEqualTo(sig);
    assertThat(servedDigest(target, "sig/app", attTag)).isEqualTo(att);
    assertThat(target.manifestStatus("sig/app", plain)).isEqualTo(200);

    // a second run, everything there: the target sees HEADs only; the source one tag list for the
    // repository and a HEAD per signature tag it shows, nothing for the image without signatures
    int targetMark = target.accessLog().size();
    int sourceMark = source.accessLog().size();
    ImageCopy second = client.copier();
    assertThat(second.copy(source.hostPort(), target.hostPort(), "sig/app", Digest.of(signed), deadline()).alreadyThere())
        .isTrue();
    assertThat(second.copy(source.hostPort(), target.hostPort(), "sig/app", Digest.of(plain), deadline()).alreadyThere())
        .isTrue();
    List<String> toTarget = target.accessLog().subList(targetMark, target.accessLog().size());
    List<String> toSource = source.accessLog().subList(sourceMark, source.accessLog().size());
    assertThat(toTarget).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"HEAD "));
    assertThat(LocalRegistry.countRequests(toTarget, "HEAD", "/manifests/" + plain)).isEqualTo(1);
    assertThat(LocalRegistry.countRequests(toSource, "GET", "/v2/sig/app/tags/list")).isEqualTo(1);
    assertThat(LocalRegistry.countRequests(toSource, "HEAD", "/manifests/" + sigTag)).isEqualTo(1);
    assertThat(LocalRegistry.countRequests(toSource, "HEAD", "/manifests/" + attTag)).isEqualTo(1);
    assertThat(toSource).noneMatch(l -> l.contains(plain.substring(7)));
    assertThat(toSource).hasSize(3);
    assertThat(second.totals()).isEqualTo(new ImageCopy.Totals(0, 0, 0, 0));

    // signed again: the source's .sig tag moved to another manifest; the next run brings it
    String sig2 = src.pushSyntheticImage("sig/app", sigTag, "signature 1 and 2".getBytes(StandardCharsets.UTF_8));
    ImageCopy.Result resigned = client.copier().copy(source.hostPort(), target.hostPort(), "sig/app", Digest.of(signed),
        deadline());
    assertThat(resigned.signatureTags()).isEqualTo(1);
    assertThat(resigned.alreadyThere()).isFalse();
    assertThat(servedDigest(target, "sig/app", sigTag)).isEqualTo(sig2).isNotEqualTo(sig);
    assertThat(servedDigest(target, "sig/app", attTag)).isEqualTo(att);
  }

  @Test
  void aSourceThatRefusesToListTagsStillGivesUpItsSignaturesAskedOneByOne() {
    RegistryTestClient src = source.client();
    String signed = src.pushSyntheticImage("nolist/app", "v1", "nolist".getBytes(StandardCharsets.UTF_8));
    String sigTag = "sha256-" + signed.substring(7) + ".sig";
    String sig = src.pushSyntheticImage("nolist/app", sigTag, "nolist signature".getBytes(StandardCharsets.UTF_8));
    try (TestProxy proxy = new TestProxy(source.baseUri())) {
      proxy.rule((req, x) -> {
        if (req.path().contains("/tags/list")) {
          TestProxy.respond(x, 403, Map.of("Content-Type", "application/json"),
              "{\"errors\":[{\"code\":\"DENIED\"}]}".getBytes(StandardCharsets.UTF_8));
          return true;
        }
        return false;
      });
      ImageCopy copy = client.copier();
      ImageCopy.Result r = copy.copy(proxy.hostPort(), target.hostPort(), "nolist/app", Digest.of(signed), deadline());
      assertThat(r.signatureTags()).isEqualTo(1);
      assertThat(servedDigest(target, "nolist/app", sigTag)).isEqualTo(sig);
      // the refusal is remembered for the run: a second image of the repository does not list again
      copy.copy(proxy.hostPort(), target.hostPort(), "nolist/app", Digest.of(signed), deadline());
      assertThat(proxy.seen()).filteredOn(s -> s.path().contains("/tags/list")).hasSize(1);
      assertThat(proxy.seen()).filteredOn(s -> s.method().equals("HEAD") && s.path().endsWith(sigTag)).hasSize(2);
    }
  }

  private static String servedDigest(LocalRegistry registry, String repo, String reference) {
    return registry.client().getManifest(repo, reference).headers().firstValue("Docker-Content-Digest").orElseThrow();
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
