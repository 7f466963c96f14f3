package dev.phoenix.check;

import dev.phoenix.model.Datastore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every backup of a datastore in one store, as the reference {@code protect} marks (an S3 dump's
 * object version, an RDS snapshot, a DynamoDB on-demand backup) and the time its data is from.
 * Implementations live in the adapter packages ({@code aws/s3}, {@code aws/rds}, {@code aws/dynamodb}).
 */
public interface BackupListing {
  boolean handles(Datastore.Backups where);

  /** Every restorable backup there, any order. Throws a PhoenixException when the store cannot be listed. */
  List<Point> list(Datastore.Backups where);

  /** One backup: what to mark, and when its data is from. */
  record Point(Ref ref, Instant takenAt) {}

  /**
   * The backups a window from {@code since} to now needs: the newest taken at or before
   * {@code since} (a rebuild at the window's start restores it) and every one taken after, oldest first.
   */
  static List<Point> needed(List<Point> all, Instant since) {
    Comparator<Point> byTime = Comparator.comparing(Point::takenAt).thenComparing(p -> p.ref().id());
    List<Point> out = new ArrayList<>();
    all.stream().filter(p -> !p.takenAt().isAfter(since)).max(byTime).ifPresent(out::add);
    all.stream().filter(p -> p.takenAt().isAfter(since)).sorted(byTime).forEach(out::add);
    return out;
  }
}
