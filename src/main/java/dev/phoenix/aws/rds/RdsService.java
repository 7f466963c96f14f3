package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import software.amazon.awssdk.services.rds.RdsClient;

/** Phoenix's one RDS connection in one region. Close when done. */
public final class RdsService implements AutoCloseable {
  private final RdsClient rds;

  private RdsService(RdsClient rds) {
    this.rds = rds;
  }

  public static RdsService connect(AwsConfig config) {
    return new RdsService(AwsClients.build(RdsClient.builder(), config));
  }

  /** Which snapshot, or which point in time, holds an instance's data as at a date. */
  public RdsBackups backups() {
    return new RdsBackups(rds);
  }

  /** verify and preflight: the pinned snapshot exists and is available. */
  public RdsSnapshotChecker checker() {
    return new RdsSnapshotChecker(snapshotTags());
  }

  public RdsSnapshotTags snapshotTags() {
    return new RdsSnapshotTags(rds);
  }

  /** {@code phoenix verify}: every snapshot of a datastore's instance, each checked as the checker does. */
  public dev.phoenix.check.BackupCatalog catalog() {
    return new RdsSnapshotCatalog(backups(), checker());
  }

  /** {@code phoenix protect}: every available snapshot of a datastore's instance, with its time. */
  public dev.phoenix.check.BackupListing listing() {
    return new RdsSnapshotListing(backups());
  }

  /** {@code phoenix mirror}: DB snapshots of another region copied into this one. */
  public RdsSnapshotCopies copies() {
    return new RdsSnapshotCopies(rds);
  }

  /** {@code phoenix protect}'s marks: a keep tag on the pinned DB snapshot. */
  public dev.phoenix.check.Keeper keeper() {
    return new RdsKeeper(snapshotTags());
  }

  @Override
  public void close() {
    rds.close();
  }
}
