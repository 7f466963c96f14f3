package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;

/** For {@code lock}: the current versionId and sha256 of an object in a versioned bucket. */
public final class S3Pins {
  private final S3Client s3;
  private final S3Reads reads;

  S3Pins(S3Client s3, S3Reads reads) {
    this.s3 = s3;
    this.reads = reads;
  }

  /**
   * Requires bucket versioning Enabled. The sha256 is S3's stored full-object SHA-256 when there
   * is one, else the object is streamed and hashed.
   */
  public S3Pin current(String bucket, String key) {
    requireVersioning(bucket);
    S3Reads.Head head = reads.head(bucket, key, null);
    if (head.versionId() == null || head.versionId().isEmpty() || "null".equals(head.versionId())) {
      throw AwsException.input(S3Reads.where(bucket, key, null) + " has no versionId: it was written before "
          + "versioning was enabled", "upload the object again so that S3 gives it a version");
    }
    if (head.sha256().isPresent()) {
      return new S3Pin(bucket, key, head.versionId(), head.sha256().get(), false);
    }
    S3Reads.Hashed hashed = reads.hash(bucket, key, head.versionId());
    return new S3Pin(bucket, key, head.versionId(), hashed.sha256(), true);
  }

  /** Throws an INPUT error unless the bucket's versioning status is Enabled. */
  public void requireVersioning(String bucket) {
    GetBucketVersioningResponse v;
    try {
      v = s3.getBucketVersioning(b -> b.bucket(bucket));
    } catch (SdkException e) {
      throw S3Reads.translate("GetBucketVersioning s3://" + bucket, e);
    }
    if (v.status() != BucketVersioningStatus.ENABLED) {
      String state = v.status() == null ? "was never enabled" : "is " + v.statusAsString();
      throw AwsException.input("bucket " + bucket + " cannot pin object versions: versioning " + state,
          "aws s3api put-bucket-versioning --bucket " + bucket + " --versioning-configuration Status=Enabled");
    }
  }
}
