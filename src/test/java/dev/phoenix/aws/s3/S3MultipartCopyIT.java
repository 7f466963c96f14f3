package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.testsupport.MotoServer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * A copy above the multipart threshold goes through CreateMultipartUpload + UploadPartCopy +
 * CompleteMultipartUpload (moto implements UploadPartCopy with byte ranges and the source's
 * versionId): a 12 MiB object in 5 MiB parts (threshold lowered from 5 GiB to 8 MiB, part size
 * from 512 MiB to 5 MiB, S3's smallest), from a versioned bucket in us-east-1 into one in
 * eu-central-1. The copy has the pinned version's bytes (not the newer current version's), its own
 * versionId, the source's content type and metadata; a second copy finds it instead of copying.
 */
class S3MultipartCopyIT {
  static final long MIB = 1024 * 1024;

  @Test
  void anObjectAboveTheThresholdIsCopiedInPartsAndCheckedBySha256() throws Exception {
    MotoServer moto = MotoServer.shared();
    AwsConfig primaryConfig = MotoAws.config(moto);
    AwsConfig mirrorConfig = primaryConfig.withRegion("eu-central-1");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String from = "big-src-" + suffix;
    String to = "big-euc1-" + suffix;
    byte[] pinned = new byte[(int) (12 * MIB) + 12345];
    new Random(11).nextBytes(pinned);
    byte[] newer = new byte[(int) (12 * MIB)];
    new Random(12).nextBytes(newer);
    try (S3Client raw = AwsClients.build(S3Client.builder().forcePathStyle(true), primaryConfig);
        S3Client rawMirror = AwsClients.build(S3Client.builder().forcePathStyle(true), mirrorConfig);
        S3Service primary = S3Service.connect(primaryConfig);
        S3Service mirror = S3Service.connect(mirrorConfig)) {
      raw.createBucket(b -> b.bucket(from));
      raw.putBucketVersioning(b -> b.bucket(from).versioningConfiguration(v -> v.status("Enabled")));
      rawMirror.createBucket(b -> b.bucket(to).createBucketConfiguration(c -> c.locationConstraint("eu-central-1")));
      rawMirror.putBucketVersioning(b -> b.bucket(to).versioningConfiguration(v -> v.status("Enabled")));
      String version = raw.putObject(b -> b.bucket(from).key("dumps/db.dump").contentType("application/x-dump")
          .metadata(Map.of("made-by", "pg_dump")), RequestBody.fromBytes(pinned)).versionId();
      raw.putObject(b -> b.bucket(from).key("dumps/db.dump"), RequestBody.fromBytes(newer)); // the current version
      String sha = sha256(pinned);

      S3Copies copies = mirror.copiesFrom(primary).multipart(8 * MIB, 5 * MIB);
      S3Copies.Copy copy = copies.copy(from, "dumps/db.dump", version, sha, to);

      assertThat(copy.alreadyThere()).isFalse();
      assertThat(copy.sha256()).isEqualTo(sha);
      List<ObjectVersion> there = rawMirror.listObjectVersions(b -> b.bucket(to)).versions();
      assertThat(there).hasSize(1);
      assertThat(copy.versionId()).isEqualTo(there.get(0).versionId()).isNotEqualTo(version).isNotEqualTo("null");
      var head = rawMirror.headObject(b -> b.bucket(to).key("dumps/db.dump").versionId(copy.versionId()));
      assertThat(head.eTag()).as("a multipart object: its ETag ends with the number of parts").endsWith("-3\"");
      assertThat(head.contentLength()).isEqualTo(pinned.length);
      assertThat(head.contentType()).isEqualTo("application/x-dump");
      assertThat(head.metadata()).containsEntry("made-by", "pg_dump");
      byte[] copied = rawMirror.getObjectAsBytes(b -> b.bucket(to).key("dumps/db.dump").versionId(copy.versionId()))
          .asByteArray();
      assertThat(sha256(copied)).isEqualTo(sha);

      // a second run (its ledger line lost) finds the copy: no second version
      S3Copies.Copy again = copies.copy(from, "dumps/db.dump", version, sha, to);
      assertThat(again.alreadyThere()).isTrue();
      assertThat(again.versionId()).isEqualTo(copy.versionId());
      assertThat(rawMirror.listObjectVersions(b -> b.bucket(to)).versions()).hasSize(1);

      // below the threshold: one CopyObject (a single-part object, its SHA-256 stored by S3)
      String small = raw.putObject(b -> b.bucket(from).key("fn.zip"), RequestBody.fromString("small")).versionId();
      S3Copies.Copy whole = copies.copy(from, "fn.zip", small, sha256("small".getBytes()), to);
      var smallHead = rawMirror.headObject(b -> b.bucket(to).key("fn.zip").versionId(whole.versionId()));
      assertThat(smallHead.eTag()).doesNotContain("-");
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
