package dev.phoenix.aws.rds;

import dev.phoenix.check.BackupListing;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Datastore;
import java.util.List;

/** For {@code protect}: every available snapshot (manual and automated) of a datastore's DB instance. */
final class RdsSnapshotListing implements BackupListing {
  private final RdsBackups backups;

  RdsSnapshotListing(RdsBackups backups) {
    this.backups = backups;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return where instanceof Datastore.RdsSnapshots;
  }

  @Override
  public List<Point> list(Datastore.Backups where) {
    return backups.snapshots(((Datastore.RdsSnapshots) where).instance()).stream()
        .filter(s -> "available".equals(s.status()) && s.snapshotCreateTime() != null && s.dbSnapshotArn() != null)
        .map(s -> new Point(new Ref.RdsSnapshot(s.dbSnapshotArn()), s.snapshotCreateTime()))
        .toList();
  }
}
