package dev.phoenix.aws.s3;

import dev.phoenix.model.S3ObjectVersion;

/**
 * Fetches one exact object version (a Lambda package for a local drill) and hashes it as it
 * streams: the bytes are never kept. Errors are {@link dev.phoenix.aws.AwsException}s. Made by
 * {@link S3Service#packages()}, on that service's client.
 */
public final class S3PackageReader {
  private final S3Reads reads;

  S3PackageReader(S3Reads reads) {
    this.reads = reads;
  }

  /** SHA-256 (lowercase hex) of the version's bytes, fetched by versionId. */
  public String sha256(S3ObjectVersion version) {
    return reads.hash(version.bucket(), version.key(), version.versionId()).sha256();
  }
}
