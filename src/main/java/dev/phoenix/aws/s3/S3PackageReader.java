package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.model.S3ObjectVersion;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fetches one exact object version (a Lambda package for a local drill) and hashes it as it
 * streams: the bytes are never kept. Errors are {@link dev.phoenix.aws.AwsException}s.
 */
public final class S3PackageReader implements AutoCloseable {
  private final S3Client s3;
  private final S3Reads reads;

  private S3PackageReader(S3Client s3) {
    this.s3 = s3;
    this.reads = new S3Reads(s3);
  }

  public static S3PackageReader connect(AwsConfig config) {
    boolean pathStyle = AwsClients.endpointOverridden(config, "S3");
    return new S3PackageReader(AwsClients.build(S3Client.builder().forcePathStyle(pathStyle), config));
  }

  /** SHA-256 (lowercase hex) of the version's bytes, fetched by versionId. */
  public String sha256(S3ObjectVersion version) {
    return reads.hash(version.bucket(), version.key(), version.versionId()).sha256();
  }

  @Override
  public void close() {
    s3.close();
  }
}
