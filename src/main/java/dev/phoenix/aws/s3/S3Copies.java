package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Copies a pinned object version into a mirror bucket (this service's region), then the copy's
 * checksum is read back (or, when S3 stores none, its bytes hashed) and must equal the pin. Up to
 * {@link #COPY_OBJECT_LIMIT} (5 GiB, CopyObject's limit) by one CopyObject of the exact versionId
 * with a stored SHA-256; above, by a multipart copy: CreateMultipartUpload (the source's content
 * type and metadata), UploadPartCopy of byte ranges of the exact versionId, CompleteMultipartUpload
 * (a failed one is aborted); S3 keeps only a composite checksum of such a copy, so its bytes are
 * hashed. A version of the key already in the mirror with the pinned SHA-256 (and the source's
 * size) is used instead of a new copy, so a run interrupted after a copy does not copy again.
 */
public final class S3Copies {
  /** CopyObject copies at most 5 GiB (AWS's "5 GB"). */
  public static final long COPY_OBJECT_LIMIT = 5L * 1024 * 1024 * 1024;
  /** Part size of a multipart copy unless the object needs larger parts (at most 10,000 parts). */
  public static final long DEFAULT_PART_SIZE = 512L * 1024 * 1024;
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  static final long MAX_PART_SIZE = COPY_OBJECT_LIMIT;
  static final int MAX_PARTS = 10_000;
  /** A server-side copy of up to 5 GiB runs as long as it takes (S3 keeps the connection alive). */
  private static final Duration COPY_TIMEOUT = Duration.ofHours(2);

  private final S3Client s3;
  private final S3Reads reads;
  private final S3Client source;
  private final S3Reads sourceReads;
  private final long multipartAbove;
  private final long partSize;

  S3Copies(S3Client s3, S3Reads reads, S3Client source, S3Reads sourceReads) {
    this(s3, reads, source, sourceReads, COPY_OBJECT_LIMIT, DEFAULT_PART_SIZE);
  }

  private S3Copies(S3Client s3, S3Reads reads, S3Client source, S3Reads sourceReads, long multipartAbove,
      long partSize) {
    if (multipartAbove < 0 || multipartAbove > COPY_OBJECT_LIMIT) {
      throw new IllegalArgumentException("multipart threshold must be 0.." + COPY_OBJECT_LIMIT + ", was " + multipartAbove);
    }
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw new IllegalArgumentException("part size must be " + MIN_PART_SIZE + ".." + MAX_PART_SIZE + ", was " + partSize);
    }
    this.s3 = s3;
    this.reads = reads;
    this.source = source;
    this.sourceReads = sourceReads;
    this.multipartAbove = multipartAbove;
    this.partSize = partSize;
  }

  /**
   * The same copier, copying objects larger than {@code above} bytes (at most
   * {@link #COPY_OBJECT_LIMIT}) in parts of {@code partSize} bytes (5 MiB .. 5 GiB), or larger
   * when 10,000 parts would not hold the object.
   */
  public S3Copies multipart(long above, long partSize) {
    return new S3Copies(s3, reads, source, sourceReads, above, partSize);
  }

  /** The mirror's copy: its versionId, and whether it was already there. */
  public record Copy(String bucket, String key, String versionId, String sha256, boolean alreadyThere) {}

  /** A version of {@code key} in {@code bucket} whose stored or hashed SHA-256 is {@code sha256}. */
  public Optional<Copy> find(String bucket, String key, String sha256) {
    return find(bucket, key, sha256, -1);
  }

  /** As {@link #find(String, String, String)}; a version whose size is not {@code size} (when ≥ 0) is not hashed. */
  private Optional<Copy> find(String bucket, String key, String sha256, long size) {
    try {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
        for (ObjectVersion v : page.versions()) {
          if (key.equals(v.key()) && (size < 0 || v.size() == null || v.size() == size)
              && sha256.equals(sha256Of(bucket, key, v.versionId()))) {
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
    HeadObjectResponse from;
    try {
      from = headSource(fromBucket, key, versionId);
    } catch (AwsException e) { // the source gone (its region lost): a copy already made still counts
      return find(toBucket, key, sha256, -1).orElseThrow(() -> e);
    }
    return copy(fromBucket, key, versionId, sha256, toBucket, from, null);
  }

  /**
   * A datastore dump (docs/regions.md): copied as {@link #copy} does, its user metadata kept and
   * {@code phoenix-taken-at} (the source backup's time) and {@code phoenix-sha256} set on the copy, so
   * the mirror bucket tells the dump's time as the source did. {@code sha256} null (no recorded
   * checksum): the source version's bytes are hashed first.
   */
  public Copy copyDump(String fromBucket, String key, String versionId, String sha256, String toBucket,
      java.time.Instant takenAt) {
    String sha = sha256 != null ? sha256 : sourceReads.hash(fromBucket, key, versionId).sha256();
    HeadObjectResponse from = headSource(fromBucket, key, versionId);
    java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>(from.metadata());
    metadata.put(S3Backups.TAKEN_AT, takenAt.toString());
    metadata.put(S3Backups.SHA256, sha);
    return copy(fromBucket, key, versionId, sha, toBucket, from, metadata);
  }

  /** {@code from}: the source version's head; {@code metadata} null: the source's is kept, else the copy gets this. */
  private Copy copy(String fromBucket, String key, String versionId, String sha256, String toBucket,
      HeadObjectResponse from, java.util.Map<String, String> metadata) {
    long size = from.contentLength() == null ? -1 : from.contentLength();
    Optional<Copy> there = find(toBucket, key, sha256, size);
    if (there.isPresent()) {
      return there.get();
    }
    String copyVersion = size > multipartAbove
        ? copyInParts(fromBucket, key, versionId, toBucket, size, from, metadata)
        : copyWhole(fromBucket, key, versionId, toBucket, metadata);
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

  private HeadObjectResponse headSource(String bucket, String key, String versionId) {
    try {
      return source.headObject(b -> b.bucket(bucket).key(key).versionId(versionId));
    } catch (SdkException e) {
      throw S3Reads.translate("HeadObject " + S3Reads.where(bucket, key, versionId), e);
    }
  }

  private String copyWhole(String fromBucket, String key, String versionId, String toBucket,
      java.util.Map<String, String> metadata) {
    try {
      CopyObjectResponse r = s3.copyObject(b -> {
        b.sourceBucket(fromBucket).sourceKey(key).sourceVersionId(versionId)
            .destinationBucket(toBucket).destinationKey(key).checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .overrideConfiguration(o -> o.apiCallTimeout(COPY_TIMEOUT).apiCallAttemptTimeout(COPY_TIMEOUT));
        if (metadata != null) {
          b.metadataDirective(software.amazon.awssdk.services.s3.model.MetadataDirective.REPLACE).metadata(metadata);
        }
      });
      return r.versionId();
    } catch (SdkException e) {
      throw S3Reads.translate("CopyObject " + S3Reads.where(fromBucket, key, versionId) + " to s3://" + toBucket, e);
    }
  }

  /** The multipart copy; returns the new version's id. An upload that fails is aborted (best effort). */
  private String copyInParts(String fromBucket, String key, String versionId, String toBucket, long size,
      HeadObjectResponse from, java.util.Map<String, String> metadata) {
    String what = "multipart copy of " + S3Reads.where(fromBucket, key, versionId) + " to s3://" + toBucket;
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(b -> b.bucket(toBucket).key(key).contentType(from.contentType())
          .metadata(metadata != null ? metadata : from.metadata())).uploadId();
    } catch (SdkException e) {
      throw S3Reads.translate("CreateMultipartUpload (" + what + ")", e);
    }
    try {
      long part = partSize(size, partSize);
      List<CompletedPart> parts = new ArrayList<>();
      for (int n = 1; (long) (n - 1) * part < size; n++) {
        long start = (long) (n - 1) * part;
        String range = "bytes=" + start + "-" + (Math.min(size, start + part) - 1);
        int number = n;
        var r = s3.uploadPartCopy(b -> b.sourceBucket(fromBucket).sourceKey(key).sourceVersionId(versionId)
            .destinationBucket(toBucket).destinationKey(key).uploadId(uploadId).partNumber(number)
            .copySourceRange(range).copySourceIfMatch(from.eTag())
            .overrideConfiguration(o -> o.apiCallTimeout(COPY_TIMEOUT).apiCallAttemptTimeout(COPY_TIMEOUT)));
        parts.add(CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build());
      }
      return s3.completeMultipartUpload(b -> b.bucket(toBucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts))).versionId();
    } catch (SdkException e) {
      abort(toBucket, key, uploadId);
      throw S3Reads.translate("UploadPartCopy (" + what + ")", e);
    } catch (RuntimeException e) {
      abort(toBucket, key, uploadId);
      throw e;
    }
  }

  private void abort(String bucket, String key, String uploadId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException ignored) {
      // the upload's parts stay until a lifecycle rule (AbortIncompleteMultipartUpload) removes them
    }
  }

  /** {@code wanted}, or the smallest whole MiB that fits {@code size} into 10,000 parts. */
  static long partSize(long size, long wanted) {
    long mib = 1024 * 1024;
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    long part = Math.max(wanted, (needed + mib - 1) / mib * mib);
    if (part > MAX_PART_SIZE) {
      throw AwsException.input("an object of " + size + " bytes does not fit into " + MAX_PARTS + " parts of at most 5 GiB",
          "S3 objects are at most 5 TiB; this one cannot be copied");
    }
    return part;
  }

  private String sha256Of(String bucket, String key, String versionId) {
    S3Reads.Head head = reads.head(bucket, key, versionId);
    return head.sha256().orElseGet(() -> reads.hash(bucket, key, versionId).sha256());
  }
}
