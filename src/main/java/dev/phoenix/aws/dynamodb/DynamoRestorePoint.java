package dev.phoenix.aws.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What brings a DynamoDB table's data back as at a date: an on-demand backup taken at or before it,
 * or a point-in-time restore of the table to the date itself.
 *
 * @param table the source table
 * @param kind backup or point in time
 * @param backupArn the backup's ARN (backup only, else null): what the drill record pins
 * @param dataTime the moment the restored data is from: the backup's creation time, or the date
 * @param rpo the date minus {@code dataTime} (zero for PITR)
 * @param hashKey the table's partition key attribute
 * @param rangeKey its sort key attribute, or null
 * @param keyTypes attribute name to scalar type ({@code S}, {@code N}, {@code B}) of the key
 *     attributes, when known (a point-in-time source's DescribeTable; empty for a backup)
 */
public record DynamoRestorePoint(
    String table, Kind kind, String backupArn, Instant dataTime, Duration rpo, String hashKey,
    String rangeKey, Map<String, String> keyTypes) {

  public enum Kind { BACKUP, POINT_IN_TIME }

  public DynamoRestorePoint {
    keyTypes = keyTypes == null ? Map.of() : Map.copyOf(keyTypes);
  }

  public String describe() {
    return kind == Kind.BACKUP
        ? "backup " + backupArn + " (taken " + dataTime + ", RPO " + rpo + ")"
        : "point in time " + dataTime + " of table " + table + " (RPO 0)";
  }
}
