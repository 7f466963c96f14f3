package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Backup;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Datastore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** Datastore dumps in a versioned bucket on moto: which belongs to a date, intact or not. */
class S3BackupsIT {
  @RegisterExtension
  static final MotoClients<S3Service, S3Client> AWS =
      new MotoClients<>(S3Service::connect, c -> AwsClients.build(S3Client.builder().forcePathStyle(true), c));
  private static final Datastore.S3Dumps DUMPS = new Datastore.S3Dumps("ledger-backups", "ledger-db/");
  private static final Instant T1 = Instant.parse("2026-10-01T02:00:00Z");
  private static final Instant T2 = Instant.parse("2026-10-02T02:00:00Z");

  @BeforeEach
  void bucket() {
    AWS.raw().createBucket(b -> b.bucket("ledger-backups"));
    AWS.raw().putBucketVersioning(b -> b.bucket("ledger-backups").versioningConfiguration(v -> v.status("Enabled")));
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String put(String key, String body, Instant taken, String recordedSha) {
    return AWS.raw().putObject(b -> b.bucket("ledger-backups").key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256)
        .metadata(recordedSha == null ? Map.of(S3Backups.TAKEN_AT, taken.toString())
            : Map.of(S3Backups.TAKEN_AT, taken.toString(), S3Backups.SHA256, recordedSha)),
        RequestBody.fromString(body)).versionId();
  }

  @Test
  void theNewestDumpTakenAtOrBeforeTheDateBelongsToIt() throws Exception {
    String v1 = put("ledger-db/ledger.dump", "dump-1", T1, sha256("dump-1"));
    String v2 = put("ledger-db/ledger.dump", "dump-2", T2, sha256("dump-2"));
    put("other/ledger.dump", "not ours", T1, null);
    List<Backup> backups = AWS.service().backups().list(DUMPS);
    assertThat(backups).extracting(b -> b.dump().versionId()).containsExactly(v1, v2);
    assertThat(backups.get(0).takenAt()).isEqualTo(T1);
    assertThat(backups.get(0).takenFrom()).isEqualTo("metadata phoenix-taken-at");
    assertThat(backups.get(0).sha256()).isEqualTo(sha256("dump-1"));

    Instant between = T1.plus(Duration.ofHours(5));
    Backup chosen = Backup.at(backups, between).orElseThrow();
    assertThat(chosen.dump().versionId()).isEqualTo(v1);
    assertThat(chosen.rpoAt(between)).isEqualTo(Duration.ofHours(5));
    assertThat(Backup.at(backups, T2).orElseThrow().dump().versionId()).as("at its own time").isEqualTo(v2);
    assertThat(Backup.at(backups, T1.minusSeconds(1))).as("before the first dump").isEmpty();
    try (InputStream in = AWS.service().backups().open(chosen.dump())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("dump-1");
    }
  }

  @Test
  void withoutMetadataLastModifiedIsTheTimeAndTheStoredChecksumTheRecordedOne() throws Exception {
    AWS.raw().putObject(b -> b.bucket("ledger-backups").key("ledger-db/x.dump").checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromString("plain"));
    Backup b = AWS.service().backups().list(DUMPS).get(0);
    assertThat(b.takenFrom()).isEqualTo("LastModified");
    assertThat(b.takenAt()).isBetween(Instant.now().minusSeconds(600), Instant.now().plusSeconds(600));
    assertThat(b.sha256()).isEqualTo(sha256("plain"));
  }

  @Test
  void aDeletedVersionIsGoneAChangedDumpIsCorrupt() throws Exception {
    String v1 = put("ledger-db/ledger.dump", "dump-1", T1, sha256("dump-1"));
    List<Backup> before = AWS.service().backups().list(DUMPS);
    AWS.raw().deleteObject(b -> b.bucket("ledger-backups").key("ledger-db/ledger.dump").versionId(v1));
    assertThat(AWS.service().backups().list(DUMPS)).as("a permanently deleted version is no backup").isEmpty();
    Map<Ref, Finding> gone = AWS.service().backups().check(before, MotoAws.options(false));
    assertThat(gone.get(before.get(0).object()).status()).isEqualTo(Status.MISSING);

    // bytes that are not the ones recorded at dump time
    put("ledger-db/ledger.dump", "dump-1 but changed", T2, sha256("dump-1"));
    List<Backup> changed = AWS.service().backups().list(DUMPS);
    Finding shallow = AWS.service().backups().check(changed, MotoAws.options(false)).get(changed.get(0).object());
    Finding deep = AWS.service().backups().check(changed, MotoAws.options(true)).get(changed.get(0).object());
    assertThat(shallow.status()).as("the stored checksum disagrees with the recorded sha256").isEqualTo(Status.CORRUPT);
    assertThat(deep.status()).isEqualTo(Status.CORRUPT);
    assertThat(deep.reason()).contains("SHA-256 of its 18 bytes", sha256("dump-1 but changed"));
  }
}
