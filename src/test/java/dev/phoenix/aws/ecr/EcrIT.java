package dev.phoenix.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;

class EcrIT {
  static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
  @RegisterExtension
  static final MotoClients<EcrService, EcrClient> AWS =
      new MotoClients<>(EcrService::connect, c -> AwsClients.build(EcrClient.builder(), c));

  static String sha(String s) {
    try {
      return "sha256:" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** moto derives the digest from the layer list, so every image gets layers of its own. */
  static Digest putImage(String repository, int n) {
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7,\"digest\":\""
        + sha("config-" + n) + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
        + "\"size\":9,\"digest\":\"" + sha("layer-" + n) + "\"}]}";
    String digest = AWS.raw().putImage(b -> b.repositoryName(repository).imageManifest(manifest).imageTag("t" + n))
        .image().imageId().imageDigest();
    return Digest.of(digest);
  }

  @Test
  void presentDigestIsOkAbsentDigestAndRepositoryMissing() {
    AWS.raw().createRepository(b -> b.repositoryName("team/api"));
    Digest present = putImage("team/api", 1);
    Ref ok = new Ref.Image(HOST, "team/api", present);
    Ref absent = new Ref.Image(HOST, "team/api", Digest.of(sha("never pushed")));
    Ref noRepo = new Ref.Image(HOST, "team/none", present);
    Map<Ref, Finding> out = AWS.service().checker(EcrHostTest.NO_DEEP).check(List.of(ok, absent, noRepo), MotoAws.options(false));
    assertThat(out.get(ok)).isEqualTo(Finding.ok("present"));
    assertThat(out.get(absent)).isEqualTo(Finding.missing("ECR has no image with this digest (ImageNotFound)"));
    assertThat(out.get(noRepo).status()).isEqualTo(Status.MISSING);
    assertThat(out.get(noRepo).reason()).contains("repository team/none not found");
  }

  @Test
  void authorizationTokenForTheHost() {
    EcrToken token = AWS.service().auth().token(HOST);
    assertThat(token.host()).isEqualTo(HOST);
    assertThat(token.username()).isEqualTo("AWS");
    assertThat(token.password().reveal()).isNotEmpty();
    assertThat(token.toString()).doesNotContain(token.password().reveal()).contains("<redacted>");
    assertThat(token.expiresAt()).isNotNull();
    assertThatThrownBy(() -> AWS.service().auth().token("registry.example.com")).isInstanceOf(AwsException.class);
  }

  /**
   * 500 images: batched BatchGetImage (5 calls) against one call per image. Both must find every
   * image; the timings are printed for the closing note, not asserted (speed is the benchmarks' job).
   */
  @Test
  void batchedAndPerImageChecksAgreeOnFiveHundredImages() {
    AWS.raw().createRepository(b -> b.repositoryName("bench/app"));
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      refs.add(new Ref.Image(HOST, "bench/app", putImage("bench/app", i)));
    }
    var serial = new dev.phoenix.check.CheckOptions(false, 1, java.time.Instant.now().plusSeconds(300),
        java.util.Set.of(), r -> {});
    long t0 = System.nanoTime();
    Map<Ref, Finding> batched = AWS.service().checker(EcrHostTest.NO_DEEP).check(refs, serial);
    long batchedMs = (System.nanoTime() - t0) / 1_000_000;

    EcrImages images = AWS.service().images("us-east-1");
    long t1 = System.nanoTime();
    int found = 0;
    for (Ref ref : refs) {
      String digest = ((Ref.Image) ref).digest().toString();
      found += EcrImages.FOUND.equals(images.batchGet("123456789012", "bench/app", List.of(digest)).get(digest)) ? 1 : 0;
    }
    long singleMs = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf("ECR 500 images against moto: BatchGetImage x5 = %d ms, one call per image x500 = %d ms%n",
        batchedMs, singleMs);
    assertThat(batched.values()).extracting(Finding::status).containsOnly(Status.OK);
    assertThat(found).isEqualTo(500);
  }

  @Test
  void ecrHostsGetRegistryCredentialsThroughTheSdkOthersNothing() {
    try (EcrService service = EcrService.connect(MotoAws.config(AWS.moto()))) {
      EcrRegistryCredentials credentials = new EcrRegistryCredentials(service);
      var found = credentials.lookup(HOST);
      assertThat(found).get().isInstanceOf(dev.phoenix.registry.RegistryCredential.Basic.class);
      assertThat(((dev.phoenix.registry.RegistryCredential.Basic) found.get()).username()).isEqualTo("AWS");
      assertThat(credentials.lookup(HOST)).isEqualTo(found); // the same credential while the token is valid
      assertThat(credentials.lookup("registry.example.com")).isEmpty();
    }
  }
}
