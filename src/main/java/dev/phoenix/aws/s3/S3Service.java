package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import software.amazon.awssdk.services.s3.S3Client;

/** Phoenix's one S3 connection: checker, pins, protection and package reads share the client. Close when done. */
public final class S3Service implements AutoCloseable {
  private final S3Client s3;
  private final S3Reads reads;

  private S3Service(S3Client s3) {
    this.s3 = s3;
    this.reads = new S3Reads(s3);
  }

  /** Path-style addressing whenever the endpoint is overridden (emulators have no bucket DNS). */
  public static S3Service connect(AwsConfig config) {
    boolean pathStyle = AwsClients.endpointOverridden(config, "S3");
    return new S3Service(AwsClients.build(S3Client.builder().forcePathStyle(pathStyle), config));
  }

  public S3Checker checker() {
    return new S3Checker(reads);
  }

  public S3Pins pins() {
    return new S3Pins(s3, reads);
  }

  /** Copies into this service's region (a mirror bucket) from a bucket of the same region. */
  public S3Copies copies() {
    return new S3Copies(s3, reads, s3, reads);
  }

  /**
   * Copies into this service's region (a mirror bucket) from a bucket of {@code source}'s region,
   * which is asked for the source's size (CopyObject or a multipart copy) and metadata, and hashes a
   * dump that has no recorded checksum.
   */
  public S3Copies copiesFrom(S3Service source) {
    return new S3Copies(s3, reads, source.s3, source.reads);
  }

  public S3Protection protection() {
    return new S3Protection(s3);
  }

  /** {@code phoenix protect}'s marks on object versions: keep tag plus legal hold. */
  public dev.phoenix.check.Keeper keeper() {
    return new S3Keeper(protection());
  }

  /** Lambda packages for a local drill, fetched by versionId and hashed on this client. */
  public S3PackageReader packages() {
    return new S3PackageReader(reads);
  }

  /** Datastore dumps under a prefix: listing, which belongs to a date, intact or not, the bytes. */
  public S3Backups backups() {
    return new S3Backups(s3, reads);
  }

  /** {@code phoenix protect}: every dump of a datastore as the object version to mark, with its time. */
  public dev.phoenix.check.BackupListing dumpListing() {
    return new S3DumpListing(backups());
  }

  @Override
  public void close() {
    s3.close();
  }
}
