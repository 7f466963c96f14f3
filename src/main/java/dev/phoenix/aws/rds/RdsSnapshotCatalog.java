package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * For {@code verify}: every DB snapshot of a datastore's instance (manual and automated, whatever its
 * status, once it has a creation time) as a backup taken at its {@code SnapshotCreateTime}; the
 * check is {@link RdsSnapshotChecker}'s (the snapshot still exists and is {@code available}). RDS
 * never hands out a snapshot's blocks, so {@code --deep} has nothing more to hash.
 */
final class RdsSnapshotCatalog implements BackupCatalog {
  static final String NO_BYTES = "RDS keeps a snapshot's blocks to itself: its status is what can be read";
  private final RdsBackups backups;
  private final RdsSnapshotChecker checker;

  RdsSnapshotCatalog(RdsBackups backups, RdsSnapshotChecker checker) {
    this.backups = backups;
    this.checker = checker;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return where instanceof Datastore.RdsSnapshots;
  }

  @Override
  public List<Backup> list(Datastore.Backups where) {
    Datastore.RdsSnapshots snapshots = (Datastore.RdsSnapshots) where;
    List<Backup> out = new ArrayList<>();
    try {
      backups.snapshots(snapshots.instance()).stream()
          .filter(s -> s.snapshotCreateTime() != null && s.dbSnapshotArn() != null) // one still being taken has no time yet
          .forEach(s -> out.add(new Backup(new Ref.RdsSnapshot(s.dbSnapshotArn()), s.snapshotCreateTime(),
              "SnapshotCreateTime", -1)));
    } catch (AwsException e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
          "cannot list the snapshots in " + snapshots.describe() + ": " + e.getMessage(),
          "check the credentials (rds:DescribeDBSnapshots) and the endpoint");
    }
    out.sort(Backup.BY_TIME);
    return List.copyOf(out);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Backup> some, CheckOptions options) {
    return BackupCatalog.byStatus(checker, some, options, NO_BYTES);
  }
}
