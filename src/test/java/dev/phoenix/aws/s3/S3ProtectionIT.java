package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.testsupport.MotoServer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

class S3ProtectionIT {
  static MotoServer moto;
  static S3Service service;
  static S3Client raw;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
    service = S3Service.connect(MotoAws.config(moto));
    raw = AwsClients.build(S3Client.builder().forcePathStyle(true), MotoAws.config(moto));
  }

  @AfterAll
  static void stop() {
    raw.close();
    service.close();
    moto.close();
  }

  @BeforeEach
  void reset() {
    moto.reset();
  }

  private S3ObjectVersion object(String bucket, boolean lock) {
    raw.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(lock));
    raw.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    String v = raw.putObject(b -> b.bucket(bucket).key("fn.zip"), RequestBody.fromString("x")).versionId();
    return new S3ObjectVersion(bucket, "fn.zip", v, null);
  }

  private List<Tag> tags(S3ObjectVersion v) {
    return raw.getObjectTagging(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId())).tagSet();
  }

  @Test
  void keepTagIsMergedWithExistingTagsAndReleasedAlone() {
    S3ObjectVersion v = object("plain", false);
    raw.putObjectTagging(b -> b.bucket("plain").key("fn.zip").versionId(v.versionId())
        .tagging(t -> t.tagSet(Tag.builder().key("owner").value("team-a").build())));

    service.protection().keep(v, "prod");
    service.protection().keep(v, "prod");
    assertThat(tags(v)).extracting(Tag::key).containsExactlyInAnyOrder("owner", "phoenix-keep-prod");
    assertThat(service.protection().keptVersions("plain", ""))
        .containsExactly(new S3KeptVersion("plain", "fn.zip", v.versionId(), Set.of("phoenix-keep-prod")));

    service.protection().release(v, "prod");
    assertThat(tags(v)).extracting(Tag::key).containsExactly("owner");
    assertThat(service.protection().keptVersions("plain", "")).isEmpty();
  }

  @Test
  void releasingTheOnlyTagDeletesTheTagSet() {
    S3ObjectVersion v = object("plain", false);
    service.protection().keep(v, "staging");
    assertThat(tags(v)).hasSize(1);
    service.protection().release(v, "staging");
    assertThat(tags(v)).isEmpty();
  }

  @Test
  void legalHoldOnlyWhereObjectLockIsEnabled() {
    S3ObjectVersion plain = object("plain", false);
    S3ObjectVersion locked = object("locked", true);
    assertThat(service.protection().objectLockEnabled("plain")).isFalse();
    assertThat(service.protection().legalHold(plain)).isFalse();
    assertThat(service.protection().legalHold(locked)).isTrue();
    assertThat(raw.getObjectLegalHold(b -> b.bucket("locked").key("fn.zip").versionId(locked.versionId()))
        .legalHold().statusAsString()).isEqualTo("ON");
    assertThat(service.protection().releaseLegalHold(locked)).isTrue();
    assertThat(raw.getObjectLegalHold(b -> b.bucket("locked").key("fn.zip").versionId(locked.versionId()))
        .legalHold().statusAsString()).isEqualTo("OFF");
  }
}
