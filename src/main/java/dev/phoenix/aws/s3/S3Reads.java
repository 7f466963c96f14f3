package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** HeadObject with checksums and streamed SHA-256 hashing of one object version. */
final class S3Reads {
  /** What HeadObject tells about one version; sha256 empty when S3 stores no full-object SHA-256. */
  record Head(String versionId, Optional<String> sha256, long size) {}

  record Hashed(String sha256, long bytes) {}

  static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchVersion", "NoSuchBucket", "MethodNotAllowed");
  private static final Duration STREAM_TIMEOUT = Duration.ofHours(2);

  private final S3Client s3;

  S3Reads(S3Client s3) {
    this.s3 = s3;
  }

  /** versionId null: the current version. 405 (a delete marker) counts as not found. */
  Head head(String bucket, String key, String versionId) {
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key).versionId(versionId)
          .checksumMode(ChecksumMode.ENABLED));
      String type = r.checksumType() == null ? null : r.checksumTypeAsString();
      return new Head(r.versionId(), S3Checksums.fullObjectSha256Hex(r.checksumSHA256(), type, r.eTag()),
          r.contentLength() == null ? -1 : r.contentLength());
    } catch (SdkException e) {
      throw translate("HeadObject " + where(bucket, key, versionId), e);
    }
  }

  /** Streams the version through SHA-256 (no call time-out: size decides; the socket time-out stays). */
  Hashed hash(String bucket, String key, String versionId) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)
            .versionId(versionId)
            .overrideConfiguration(o -> o.apiCallTimeout(STREAM_TIMEOUT).apiCallAttemptTimeout(STREAM_TIMEOUT)));
        InputStream digesting = new DigestInputStream(in, sha)) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = digesting.read(buf)) > 0; ) {
        total += n;
      }
      return new Hashed(HexFormat.of().formatHex(sha.digest()), total);
    } catch (SdkException e) {
      throw translate("GetObject " + where(bucket, key, versionId), e);
    } catch (IOException e) {
      throw new AwsException("GetObject " + where(bucket, key, versionId),
          new AwsFailure(AwsFailure.Kind.UNREACHABLE, "IOException", 0, ""), null);
    }
  }

  static AwsException translate(String operation, SdkException e) {
    return new AwsException(operation, AwsFailure.of(e, NOT_FOUND, true, true), null);
  }

  static String where(String bucket, String key, String versionId) {
    return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
  }
}
