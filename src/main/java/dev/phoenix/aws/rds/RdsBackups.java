package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * The restore point of an RDS instance for a date D: a point-in-time restore to D exactly when the
 * instance still exists, keeps automated backups ({@code BackupRetentionPeriod > 0}) and D lies in
 * its restorable window; otherwise the newest available DB snapshot (manual or automated) taken at
 * or before D. The window's start is estimated as the later of the instance's creation and
 * {@code now - BackupRetentionPeriod days} (RDS restores within the retention period), its end is
 * {@code LatestRestorableTime}.
 */
public final class RdsBackups {
  static final Set<String> INSTANCE_NOT_FOUND = Set.of("DBInstanceNotFound", "DBInstanceNotFoundFault");
  private final RdsClient rds;

  RdsBackups(RdsClient rds) {
    this.rds = rds;
  }

  /** The restore point of {@code instance} as at {@code at}; empty when nothing holds data that old. */
  public Optional<RdsRestorePoint> restorePoint(String instance, Instant at, Instant now) {
    Optional<DBInstance> live = instance(instance);
    if (live.isPresent() && inWindow(live.get(), at, now)) {
      return Optional.of(new RdsRestorePoint(instance, RdsRestorePoint.Kind.POINT_IN_TIME, null, null, at,
          Duration.ZERO));
    }
    return snapshotAtOrBefore(instance, at);
  }

  /** The newest available snapshot of {@code instance} created at or before {@code at}. */
  public Optional<RdsRestorePoint> snapshotAtOrBefore(String instance, Instant at) {
    return snapshots(instance).stream()
        .filter(s -> "available".equals(s.status()) && s.snapshotCreateTime() != null
            && !s.snapshotCreateTime().isAfter(at))
        .max(Comparator.comparing(DBSnapshot::snapshotCreateTime))
        .map(s -> new RdsRestorePoint(instance, RdsRestorePoint.Kind.SNAPSHOT, s.dbSnapshotArn(),
            s.dbSnapshotIdentifier(), s.snapshotCreateTime(), Duration.between(s.snapshotCreateTime(), at)));
  }

  private static boolean inWindow(DBInstance db, Instant at, Instant now) {
    Integer retention = db.backupRetentionPeriod();
    if (retention == null || retention <= 0 || db.latestRestorableTime() == null) {
      return false;
    }
    Instant earliest = now.minus(Duration.ofDays(retention));
    if (db.instanceCreateTime() != null && db.instanceCreateTime().isAfter(earliest)) {
      earliest = db.instanceCreateTime();
    }
    return !at.isBefore(earliest) && !at.isAfter(db.latestRestorableTime());
  }

  private Optional<DBInstance> instance(String instance) {
    try {
      return rds.describeDBInstances(b -> b.dbInstanceIdentifier(instance)).dbInstances().stream().findFirst();
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, INSTANCE_NOT_FOUND, false, true);
      if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty(); // gone (the disaster): its snapshots may still be there
      }
      throw new AwsException("DescribeDBInstances " + instance, failure, null);
    }
  }

  /** Every snapshot of the instance, manual and automated, all pages. */
  java.util.List<DBSnapshot> snapshots(String instance) {
    try {
      return rds.describeDBSnapshotsPaginator(b -> b.dbInstanceIdentifier(instance)).dbSnapshots().stream().toList();
    } catch (SdkException e) {
      throw new AwsException("DescribeDBSnapshots of " + instance, AwsFailure.of(e, Set.of(), false, true), null);
    }
  }
}
