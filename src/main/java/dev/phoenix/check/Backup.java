package dev.phoenix.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One backup of a datastore, as its store lists it: the exact thing it is (for s3 dumps a
 * {@link Ref.S3Object} whose sha256 is the dump's recorded checksum, or null when none was
 * recorded; a {@link Ref.RdsSnapshot}; a {@link Ref.DynamoBackup}), when it was taken and from what
 * that time was read.
 *
 * @param takenFrom where {@code takenAt} comes from: {@code "metadata phoenix-taken-at"}, {@code "LastModified"},
 *     {@code "SnapshotCreateTime"}, {@code "BackupCreationDateTime"}
 * @param bytes its size when the store says, else -1
 */
public record Backup(Ref object, Instant takenAt, String takenFrom, long bytes) {

  /** By time, then id: the order every reader uses (two backups may share a second). */
  public static final Comparator<Backup> BY_TIME =
      Comparator.comparing(Backup::takenAt).thenComparing(b -> b.object().id());

  /** The s3 dump this backup is; an IllegalStateException for any other kind (only dumps are fetched). */
  public Ref.S3Object dump() {
    if (object instanceof Ref.S3Object o) {
      return o;
    }
    throw new IllegalStateException("not an s3 dump: " + object.id());
  }

  /** The recorded sha256 of an s3 dump's bytes; null when none was recorded or the backup is not a dump. */
  public String sha256() {
    return object instanceof Ref.S3Object o ? o.sha256() : null;
  }

  /** The backup that belongs to {@code at}: the newest taken at or before it. */
  public static Optional<Backup> at(List<Backup> backups, Instant at) {
    return backups.stream().filter(b -> !b.takenAt().isAfter(at)).max(BY_TIME);
  }

  /** The data loss a restore of this backup at {@code at} accepts: {@code at} minus the backup's time. */
  public Duration rpoAt(Instant at) {
    return Duration.between(takenAt, at);
  }
}
