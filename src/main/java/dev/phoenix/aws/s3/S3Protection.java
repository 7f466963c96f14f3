package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import dev.phoenix.check.KeepLabels;
import dev.phoenix.model.S3ObjectVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * For {@code protect}: a keep tag on an object version (merged into its tags, at most 10 per
 * object), and a legal hold where the bucket has Object Lock.
 */
public final class S3Protection {
  static final int MAX_TAGS = 10;
  static final String TAG_VALUE = "phoenix";
  private final S3Client s3;

  S3Protection(S3Client s3) {
    this.s3 = s3;
  }

  /** Adds tag {@code phoenix-keep-<env>} to the version, keeping its other tags. */
  public void keep(S3ObjectVersion v, String env) {
    String key = KeepLabels.forEnv(env);
    List<Tag> tags = tags(v);
    if (tags.stream().anyMatch(t -> t.key().equals(key))) {
      return;
    }
    if (tags.size() >= MAX_TAGS) {
      throw AwsException.input(v.uri() + " already has " + MAX_TAGS + " tags, S3's limit",
          "remove a tag from that version, then protect again");
    }
    tags.add(Tag.builder().key(key).value(TAG_VALUE).build());
    putTags(v, tags);
  }

  /** Removes tag {@code phoenix-keep-<env>} and nothing else. */
  public void release(S3ObjectVersion v, String env) {
    String key = KeepLabels.forEnv(env);
    List<Tag> tags = tags(v);
    if (!tags.removeIf(t -> t.key().equals(key))) {
      return;
    }
    try {
      if (tags.isEmpty()) {
        s3.deleteObjectTagging(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId()));
      } else {
        putTags(v, tags);
      }
    } catch (SdkException e) {
      throw S3Reads.translate("DeleteObjectTagging " + v.uri(), e);
    }
  }

  /** Object Lock enabled on the bucket? (GetObjectLockConfiguration) */
  public boolean objectLockEnabled(String bucket) {
    try {
      var conf = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
      return conf != null && conf.objectLockEnabled() == ObjectLockEnabled.ENABLED;
    } catch (SdkException e) {
      AwsException t = S3Reads.translate("GetObjectLockConfiguration s3://" + bucket, e);
      if ("ObjectLockConfigurationNotFoundError".equals(t.failure().code())) {
        return false;
      }
      throw t;
    }
  }

  /** Places a legal hold when the bucket has Object Lock; false (nothing done) when it has not. */
  public boolean legalHold(S3ObjectVersion v) {
    return setLegalHold(v, ObjectLockLegalHoldStatus.ON);
  }

  public boolean releaseLegalHold(S3ObjectVersion v) {
    return setLegalHold(v, ObjectLockLegalHoldStatus.OFF);
  }

  private boolean setLegalHold(S3ObjectVersion v, ObjectLockLegalHoldStatus status) {
    if (!objectLockEnabled(v.bucket())) {
      return false;
    }
    try {
      s3.putObjectLegalHold(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId())
          .legalHold(h -> h.status(status)));
      return true;
    } catch (SdkException e) {
      throw S3Reads.translate("PutObjectLegalHold " + v.uri(), e);
    }
  }

  /** Every version under {@code prefix} with a phoenix-keep- tag (one GetObjectTagging per version). */
  public List<S3KeptVersion> keptVersions(String bucket, String prefix) {
    List<S3KeptVersion> out = new ArrayList<>();
    try {
      for (ObjectVersion ov : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).versions()) {
        S3ObjectVersion v = new S3ObjectVersion(bucket, ov.key(), ov.versionId(), null);
        Set<String> keep = new TreeSet<>();
        for (Tag t : tags(v)) {
          if (KeepLabels.isPhoenix(t.key())) {
            keep.add(t.key());
          }
        }
        if (!keep.isEmpty()) {
          out.add(new S3KeptVersion(bucket, ov.key(), ov.versionId(), keep));
        }
      }
    } catch (SdkException e) {
      throw S3Reads.translate("ListObjectVersions s3://" + bucket + "/" + prefix, e);
    }
    return out;
  }

  private List<Tag> tags(S3ObjectVersion v) {
    try {
      return new ArrayList<>(
          s3.getObjectTagging(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId())).tagSet());
    } catch (SdkException e) {
      throw S3Reads.translate("GetObjectTagging " + v.uri(), e);
    }
  }

  private void putTags(S3ObjectVersion v, List<Tag> tags) {
    try {
      s3.putObjectTagging(b -> b.bucket(v.bucket()).key(v.key()).versionId(v.versionId())
          .tagging(t -> t.tagSet(tags)));
    } catch (SdkException e) {
      AwsException t = S3Reads.translate("PutObjectTagging " + v.uri(), e);
      throw t.failure().kind() == AwsFailure.Kind.NOT_FOUND
          ? AwsException.input(v.uri() + " does not exist", "check the pinned versionId") : t;
    }
  }
}
