package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Copies a pinned object version into a mirror bucket (this service's region): CopyObject of the
 * exact versionId with a stored SHA-256, then the copy's checksum is read back (or, when S3 stores
 * none, its bytes hashed) and must equal the pin. A version of the key already in the mirror with
 * the pinned SHA-256 is used instead of a new copy, so a run interrupted after a copy does not
 * copy again.
 */
public final class S3Copies {
  private final S3Client s3;
  private final S3Reads reads;

  S3Copies(S3Client s3, S3Reads reads) {
    this.s3 = s3;
    this.reads = reads;
  }

  /** The mirror's copy: its versionId, and whether it was already there. */
  public record Copy(String bucket, String key, String versionId, String sha256, boolean alreadyThere) {}

  /** A version of {@code key} in {@code bucket} whose stored or hashed SHA-256 is {@code sha256}. */
  public Optional<Copy> find(String bucket, String key, String sha256) {
    try {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
        for (ObjectVersion v : page.versions()) {
          if (key.equals(v.key()) && sha256.equals(sha256Of(bucket, key, v.versionId()))) {
            return Optional.of(new Copy(bucket, key, v.versionId(), sha256, true));
          }
        }
      }
      return Optional.empty();
    } catch (SdkException e) {
      AwsException a = S3Reads.translate("ListObjectVersions s3://" + bucket + "/" + key, e);
      if (a.notFound()) {
        throw AwsException.input("mirror bucket " + bucket + " does not exist in this region",
            "create it (versioned) or correct buckets: in regions.yaml");
      }
      throw a;
    }
  }

  /** Copies {@code s3://fromBucket/key?versionId} to {@code toBucket} (same key); checks the SHA-256. */
  public Copy copy(String fromBucket, String key, String versionId, String sha256, String toBucket) {
    return copy(fromBucket, key, versionId, sha256, toBucket, null);
  }

  /**
   * A datastore dump (docs/regions.md): copied as {@link #copy} does, its user metadata kept and
   * {@code phoenix-taken-at} (the source backup's time) and {@code phoenix-sha256} set on the copy, so
   * the mirror bucket tells the dump's time as the source did. {@code sha256} null (no recorded
   * checksum): the source version's bytes are hashed first. The source is in another region: this
   * service's client copies from it (CopyObject reads across regions).
   */
  public Copy copyDump(String fromBucket, String key, String versionId, String sha256, String toBucket,
      java.time.Instant takenAt) {
    String sha = sha256 != null ? sha256 : reads.hash(fromBucket, key, versionId).sha256();
    java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
    try {
      metadata.putAll(s3.headObject(b -> b.bucket(fromBucket).key(key).versionId(versionId)).metadata());
    } catch (SdkException e) {
      throw S3Reads.translate("HeadObject " + S3Reads.where(fromBucket, key, versionId), e);
    }
    metadata.put(S3Backups.TAKEN_AT, takenAt.toString());
    metadata.put(S3Backups.SHA256, sha);
    return copy(fromBucket, key, versionId, sha, toBucket, metadata);
  }

  private Copy copy(String fromBucket, String key, String versionId, String sha256, String toBucket,
      java.util.Map<String, String> metadata) {
    Optional<Copy> there = find(toBucket, key, sha256);
    if (there.isPresent()) {
      return there.get();
    }
    CopyObjectResponse r;
    try {
      r = s3.copyObject(b -> {
        b.sourceBucket(fromBucket).sourceKey(key).sourceVersionId(versionId)
            .destinationBucket(toBucket).destinationKey(key).checksumAlgorithm(ChecksumAlgorithm.SHA256);
        if (metadata != null) {
          b.metadataDirective(software.amazon.awssdk.services.s3.model.MetadataDirective.REPLACE).metadata(metadata);
        }
      });
    } catch (SdkException e) {
      throw S3Reads.translate("CopyObject " + S3Reads.where(fromBucket, key, versionId) + " to s3://" + toBucket, e);
    }
    String copyVersion = r.versionId();
    if (copyVersion == null || copyVersion.equals("null")) {
      throw AwsException.input("mirror bucket " + toBucket + " is not versioned: the copy has no versionId",
          "enable versioning on " + toBucket + " and run phoenix mirror again");
    }
    String got = sha256Of(toBucket, key, copyVersion);
    if (!sha256.equals(got)) {
      throw new AwsException("CopyObject to " + S3Reads.where(toBucket, key, copyVersion),
          new AwsFailure(AwsFailure.Kind.SERVICE, "ChecksumMismatch", 0,
              "the copy hashes to " + got + ", the pin says " + sha256), "run phoenix verify --deep on the source");
    }
    return new Copy(toBucket, key, copyVersion, sha256, false);
  }

  private String sha256Of(String bucket, String key, String versionId) {
    S3Reads.Head head = reads.head(bucket, key, versionId);
    return head.sha256().orElseGet(() -> reads.hash(bucket, key, versionId).sha256());
  }
}
