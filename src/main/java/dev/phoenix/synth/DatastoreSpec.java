package dev.phoenix.synth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A datastore restored as at the rebuild's date, already resolved to what restores it (which
 * snapshot, backup or point in time was chosen is the caller's business: {@code aws/rds},
 * {@code aws/dynamodb}). Its AWS name is drill-scoped like every other.
 *
 * <ul>
 *   <li>{@link RdsInstance}: an {@code aws_db_instance} from {@code snapshot_identifier}, or with
 *       {@code restore_to_point_in_time {source_db_instance_identifier, restore_time}}, in the
 *       environment's private subnets, reachable from its services on the engine's port only;
 *   <li>{@link DynamoPointInTime}: an {@code aws_dynamodb_table} with {@code restore_source_name}
 *       and {@code restore_date_time};
 *   <li>{@link DynamoFromBackup}: a table already restored from an on-demand backup through the SDK
 *       before apply (the provider has no argument for a backup ARN); the configuration only names
 *       it in an output, Terraform does not own it.
 * </ul>
 */
public sealed interface DatastoreSpec
    permits DatastoreSpec.RdsInstance, DatastoreSpec.DynamoPointInTime, DatastoreSpec.DynamoFromBackup {

  /** The datastore's name in the blueprint (lower case letters, digits and dashes). */
  String name();

  /**
   * @param engine RDS engine, e.g. {@code postgres}
   * @param instanceClass e.g. {@code db.t3.micro}
   * @param port the engine's port, opened to the services' security group only
   * @param snapshotIdentifier the DB snapshot to restore (identifier or ARN), or null for PITR
   * @param sourceInstance the instance to restore to a point in time, or null for a snapshot
   * @param restoreTime the point in time (PITR only)
   */
  record RdsInstance(String name, String engine, String instanceClass, int port, String snapshotIdentifier,
      String sourceInstance, Instant restoreTime) implements DatastoreSpec {
    private static final Pattern CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");

    public RdsInstance {
      ServiceSpec.requireName(name, "datastore");
      if (engine == null || !engine.matches("[a-z][a-z0-9-]{1,30}")) {
        throw new IllegalArgumentException("datastore " + name + ": engine is required (e.g. postgres)");
      }
      if (instanceClass == null || !CLASS.matcher(instanceClass).matches()) {
        throw new IllegalArgumentException("datastore " + name + ": instanceClass must look like db.t3.micro");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("datastore " + name + ": port must be 1 to 65535");
      }
      boolean snapshot = snapshotIdentifier != null && !snapshotIdentifier.isBlank();
      boolean pitr = sourceInstance != null && !sourceInstance.isBlank() && restoreTime != null;
      if (snapshot == pitr) {
        throw new IllegalArgumentException("datastore " + name
            + ": give either a snapshot identifier or a source instance with a restore time");
      }
    }

    /** From a DB snapshot. */
    public static RdsInstance fromSnapshot(String name, String engine, String instanceClass, int port,
        String snapshotIdentifier) {
      return new RdsInstance(name, engine, instanceClass, port, snapshotIdentifier, null, null);
    }

    /** Point in time: {@code sourceInstance}'s data as at {@code restoreTime}. */
    public static RdsInstance toPointInTime(String name, String engine, String instanceClass, int port,
        String sourceInstance, Instant restoreTime) {
      return new RdsInstance(name, engine, instanceClass, port, null, sourceInstance, restoreTime);
    }
  }

  /**
   * @param sourceTable the table whose point-in-time recovery is used
   * @param restoreTime the point in time
   * @param hashKey partition key attribute; {@code rangeKey} the sort key or null
   * @param keyTypes the key attributes' scalar types (S, N or B)
   */
  record DynamoPointInTime(String name, String sourceTable, Instant restoreTime, String hashKey,
      String rangeKey, Map<String, String> keyTypes) implements DatastoreSpec {
    private static final Set<String> TYPES = Set.of("S", "N", "B");

    public DynamoPointInTime {
      ServiceSpec.requireName(name, "datastore");
      requireTable(sourceTable, name);
      if (restoreTime == null) {
        throw new IllegalArgumentException("datastore " + name + ": restore time is required");
      }
      keyTypes = keyTypes == null ? Map.of() : new LinkedHashMap<>(keyTypes);
      for (String key : rangeKey == null ? new String[] {hashKey} : new String[] {hashKey, rangeKey}) {
        if (key == null || keyTypes.get(key) == null || !TYPES.contains(keyTypes.get(key))) {
          throw new IllegalArgumentException("datastore " + name + ": key attribute " + key
              + " needs a type S, N or B");
        }
      }
      keyTypes = Map.copyOf(keyTypes);
    }
  }

  /**
   * @param tableName the table the SDK restored (drill-scoped, tagged {@code phoenix:rebuild})
   * @param backupArn the backup it was restored from (for the output and the record)
   */
  record DynamoFromBackup(String name, String tableName, String backupArn) implements DatastoreSpec {
    public DynamoFromBackup {
      ServiceSpec.requireName(name, "datastore");
      requireTable(tableName, name);
      if (backupArn == null || !backupArn.startsWith("arn:") || !backupArn.contains("/backup/")) {
        throw new IllegalArgumentException("datastore " + name + ": a DynamoDB backup ARN is required");
      }
    }
  }

  private static void requireTable(String table, String name) {
    if (table == null || !table.matches("[A-Za-z0-9_.-]{3,255}")) {
      throw new IllegalArgumentException("datastore " + name + ": not a DynamoDB table name: " + table);
    }
  }

  /** RFC 3339 in UTC, as both providers' restore arguments take it. */
  static String rfc3339(Instant at) {
    return at.toString();
  }
}
