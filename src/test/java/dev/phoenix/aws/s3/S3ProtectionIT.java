package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.model.S3ObjectVersion;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

class S3ProtectionIT {
  @RegisterExtension
  static final MotoClients<S3Service, S3Client> AWS =
      new MotoClients<>(S3Service::connect, c -> AwsClients.build(S3Client.builder().forcePathStyle(true), c));

  private S3ObjectVersion object(String bucket, boolean lock) {
    AWS.raw().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(lock));
    AWS.raw().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    String v = AWS.raw().putObject(b -> b.bucket(bucket).key("fn.zip"), RequestBody.fromString("x")).versionId();
    return new S3ObjectVersion(bucket, "fn.zip", v, null);
  }

  private List<Tag> tags(S3ObjectVersion v) {
    return AWS.raw().getObjectTagging(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId())).tagSet();
  }

  @Test
  void keepTagIsMergedWithExistingTagsAndReleasedAlone() {
    S3ObjectVersion v = object("plain", false);
    AWS.raw().putObjectTagging(b -> b.bucket("plain").key("fn.zip").versionId(v.versionId())
        .tagging(t -> t.tagSet(Tag.builder().key("owner").value("team-a").build())));

    AWS.service().protection().keep(v, "prod");
    AWS.service().protection().keep(v, "prod");
    assertThat(tags(v)).extracting(Tag::key).containsExactlyInAnyOrder("owner", "phoenix-keep-prod");
    assertThat(AWS.service().protection().keptVersions("plain", ""))
        .containsExactly(new S3KeptVersion("plain", "fn.zip", v.versionId(), Set.of("phoenix-keep-prod")));

    AWS.service().protection().release(v, "prod");
    assertThat(tags(v)).extracting(Tag::key).containsExactly("owner");
    assertThat(AWS.service().protection().keptVersions("plain", "")).isEmpty();
  }

  @Test
  void releasingTheOnlyTagDeletesTheTagSet() {
    S3ObjectVersion v = object("plain", false);
    AWS.service().protection().keep(v, "staging");
    assertThat(tags(v)).hasSize(1);
    AWS.service().protection().release(v, "staging");
    assertThat(tags(v)).isEmpty();
  }

  @Test
  void legalHoldOnlyWhereObjectLockIsEnabled() {
    S3ObjectVersion plain = object("plain", false);
    S3ObjectVersion locked = object("locked", true);
    assertThat(AWS.service().protection().objectLockEnabled("plain")).isFalse();
    assertThat(AWS.service().protection().legalHold(plain)).isFalse();
    assertThat(AWS.service().protection().legalHold(locked)).isTrue();
    assertThat(AWS.raw().getObjectLegalHold(b -> b.bucket("locked").key("fn.zip").versionId(locked.versionId()))
        .legalHold().statusAsString()).isEqualTo("ON");
    assertThat(AWS.service().protection().releaseLegalHold(locked)).isTrue();
    assertThat(AWS.raw().getObjectLegalHold(b -> b.bucket("locked").key("fn.zip").versionId(locked.versionId()))
        .legalHold().statusAsString()).isEqualTo("OFF");
  }
}
