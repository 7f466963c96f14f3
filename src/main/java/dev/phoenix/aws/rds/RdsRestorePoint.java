package dev.phoenix.aws.rds;

import java.time.Duration;
import java.time.Instant;

/**
 * What brings an RDS instance's data back as at a date: a DB snapshot taken at or before it, or a
 * point-in-time restore to the date itself.
 *
 * @param instance the source DB instance identifier
 * @param kind snapshot or point in time
 * @param snapshotArn the snapshot's ARN (snapshot only, else null): what the drill record pins
 * @param snapshotId the snapshot identifier, what {@code snapshot_identifier} takes (snapshot only)
 * @param dataTime the moment the restored data is from: the snapshot's creation time, or the date
 * @param rpo the date minus {@code dataTime}: the data loss this restore accepts (zero for PITR)
 */
public record RdsRestorePoint(
    String instance, Kind kind, String snapshotArn, String snapshotId, Instant dataTime, Duration rpo) {

  public enum Kind { SNAPSHOT, POINT_IN_TIME }

  /** For a person: {@code snapshot arn:… (taken 2026-10-02T03:00:00Z, RPO 21h)} or the PITR. */
  public String describe() {
    return kind == Kind.SNAPSHOT
        ? "snapshot " + snapshotArn + " (taken " + dataTime + ", RPO " + rpo + ")"
        : "point in time " + dataTime + " of instance " + instance + " (RPO 0)";
  }
}
