package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

class S3IT {
  @RegisterExtension
  static final MotoClients<S3Service, S3Client> AWS =
      new MotoClients<>(S3Service::connect, c -> AwsClients.build(S3Client.builder().forcePathStyle(true), c));

  @BeforeEach
  void reset() { // after MotoClients has reset moto
    AWS.raw().createBucket(b -> b.bucket("artefacts"));
    AWS.raw().putBucketVersioning(b -> b.bucket("artefacts").versioningConfiguration(v -> v.status("Enabled")));
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String put(String key, String body, boolean checksum) {
    return AWS.raw().putObject(b -> {
      b.bucket("artefacts").key(key);
      if (checksum) {
        b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
      }
    }, RequestBody.fromString(body)).versionId();
  }

  private Map<Ref, Finding> check(boolean deep, Ref... refs) {
    return AWS.service().checker().check(List.of(refs), MotoAws.options(deep));
  }

  @Test
  void storedChecksumDecidesOkOrCorrupt() throws Exception {
    String v1 = put("fn.zip", "payload-1", true);
    Ref ok = new Ref.S3Object("artefacts", "fn.zip", v1, sha256("payload-1"));
    Ref wrong = new Ref.S3Object("artefacts", "fn.zip", v1, sha256("something else"));
    Map<Ref, Finding> out = check(false, ok, wrong);
    assertThat(out.get(ok)).isEqualTo(Finding.ok("stored SHA-256 checksum matches"));
    assertThat(out.get(wrong).status()).isEqualTo(Status.CORRUPT);
    assertThat(out.get(wrong).reason()).contains(sha256("payload-1"), sha256("something else"));
  }

  @Test
  void deletedVersionAndAbsentKeyOrBucketAreMissing() throws Exception {
    String v1 = put("fn.zip", "payload-1", true);
    put("fn.zip", "payload-2", true);
    AWS.raw().deleteObject(b -> b.bucket("artefacts").key("fn.zip").versionId(v1));
    Ref deleted = new Ref.S3Object("artefacts", "fn.zip", v1, sha256("payload-1"));
    Ref noKey = new Ref.S3Object("artefacts", "nope.zip", v1, sha256("x"));
    Ref noBucket = new Ref.S3Object("no-such-bucket", "fn.zip", v1, sha256("x"));
    Map<Ref, Finding> out = check(false, deleted, noKey, noBucket);
    assertThat(out.values()).extracting(Finding::status).containsOnly(Status.MISSING);
  }

  @Test
  void noStoredChecksumIsOkUnlessDeepHashingDisagrees() throws Exception {
    String v = put("plain.zip", "no-checksum-body", false);
    Ref right = new Ref.S3Object("artefacts", "plain.zip", v, sha256("no-checksum-body"));
    Ref wrong = new Ref.S3Object("artefacts", "plain.zip", v, sha256("other"));
    assertThat(check(false, wrong).get(wrong)).isEqualTo(Finding.ok(S3Checker.NO_STORED_CHECKSUM));
    Map<Ref, Finding> deep = check(true, right, wrong);
    assertThat(deep.get(right)).isEqualTo(Finding.ok("SHA-256 of its 16 bytes matches"));
    assertThat(deep.get(wrong).status()).isEqualTo(Status.CORRUPT);
  }

  @Test
  void multipartCompositeChecksumIsNotTakenForTheObjectDigest() throws Exception {
    String key = "big.zip";
    String upload = AWS.raw().createMultipartUpload(b -> b.bucket("artefacts").key(key)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    String part1 = "a".repeat(5 * 1024 * 1024);
    var p1 = AWS.raw().uploadPart(b -> b.bucket("artefacts").key(key).uploadId(upload).partNumber(1)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromString(part1));
    var p2 = AWS.raw().uploadPart(b -> b.bucket("artefacts").key(key).uploadId(upload).partNumber(2)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromString("b"));
    String v = AWS.raw().completeMultipartUpload(b -> b.bucket("artefacts").key(key).uploadId(upload)
        .multipartUpload(m -> m.parts(
            p -> p.partNumber(1).eTag(p1.eTag()).checksumSHA256(p1.checksumSHA256()),
            p -> p.partNumber(2).eTag(p2.eTag()).checksumSHA256(p2.checksumSHA256())))).versionId();
    Ref ref = new Ref.S3Object("artefacts", key, v, sha256(part1 + "b"));
    assertThat(check(false, ref).get(ref)).isEqualTo(Finding.ok(S3Checker.NO_STORED_CHECKSUM));
    assertThat(check(true, ref).get(ref).status()).isEqualTo(Status.OK);
  }

  @Test
  void lockPinsTheCurrentVersionAndSha256() throws Exception {
    put("fn.zip", "old", true);
    String current = put("fn.zip", "new", true);
    String plain = put("plain.zip", "unchecksummed", false);
    assertThat(AWS.service().pins().current("artefacts", "fn.zip"))
        .isEqualTo(new S3Pin("artefacts", "fn.zip", current, sha256("new"), false));
    assertThat(AWS.service().pins().current("artefacts", "plain.zip"))
        .isEqualTo(new S3Pin("artefacts", "plain.zip", plain, sha256("unchecksummed"), true));
  }

  @Test
  void lockRefusesUnversionedBucketsAndAbsentKeys() {
    AWS.raw().createBucket(b -> b.bucket("unversioned"));
    assertThatThrownBy(() -> AWS.service().pins().current("unversioned", "x"))
        .isInstanceOf(AwsException.class).hasMessageContaining("versioning was never enabled")
        .extracting(e -> ((PhoenixException) e).fix()).asString().contains("put-bucket-versioning");
    AWS.raw().putBucketVersioning(b -> b.bucket("unversioned").versioningConfiguration(v -> v.status("Suspended")));
    assertThatThrownBy(() -> AWS.service().pins().current("unversioned", "x")).hasMessageContaining("is Suspended");
    assertThatThrownBy(() -> AWS.service().pins().current("artefacts", "absent.zip"))
        .isInstanceOf(AwsException.class).matches(e -> ((AwsException) e).notFound());
  }

  @Test
  void unreachableEndpointIsUnknownNeverMissing() throws Exception {
    var down = dev.phoenix.aws.AwsConfig.forEndpoint(java.net.URI.create("http://127.0.0.1:"
        + dev.phoenix.testsupport.Servers.freeLoopbackPort()), "us-east-1", "t", "t")
        .withTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3), 2);
    try (S3Service s = S3Service.connect(down)) {
      Ref ref = new Ref.S3Object("artefacts", "fn.zip", "v", sha256("x"));
      Finding f = s.checker().check(List.of(ref), MotoAws.options(false)).get(ref);
      assertThat(f.status()).isEqualTo(Status.UNKNOWN);
      assertThat(f.reason()).contains("could not reach");
    }
  }
}
