package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The restore point of a DynamoDB table for a date D: a point-in-time restore to D exactly when the
 * table still exists with PITR enabled and D lies between its {@code EarliestRestorableDateTime}
 * and {@code LatestRestorableDateTime}; otherwise the newest AVAILABLE on-demand backup (user or
 * AWS Backup made) created at or before D.
 */
public final class DynamoBackups {
  static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "TableNotFoundException",
      "BackupNotFoundException");
  private final DynamoDbClient dynamo;

  DynamoBackups(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  public Optional<DynamoRestorePoint> restorePoint(String table, Instant at) {
    Optional<TableDescription> live = describe(table);
    if (live.isPresent()) {
      PointInTimeRecoveryDescription pitr = pitr(table);
      if (pitr != null && pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED
          && pitr.earliestRestorableDateTime() != null && pitr.latestRestorableDateTime() != null
          && !at.isBefore(pitr.earliestRestorableDateTime()) && !at.isAfter(pitr.latestRestorableDateTime())) {
        TableDescription d = live.get();
        return Optional.of(new DynamoRestorePoint(table, DynamoRestorePoint.Kind.POINT_IN_TIME, null, at,
            Duration.ZERO, key(d, KeyType.HASH), key(d, KeyType.RANGE), keyTypes(d)));
      }
    }
    return backupAtOrBefore(table, at);
  }

  /** The newest available on-demand backup of {@code table} created at or before {@code at}. */
  public Optional<DynamoRestorePoint> backupAtOrBefore(String table, Instant at) {
    return backups(table, at).stream()
        .filter(b -> b.backupStatus() == BackupStatus.AVAILABLE && b.backupCreationDateTime() != null
            && !b.backupCreationDateTime().isAfter(at))
        .max(Comparator.comparing(BackupSummary::backupCreationDateTime))
        .map(b -> withKeys(new DynamoRestorePoint(table, DynamoRestorePoint.Kind.BACKUP, b.backupArn(),
            b.backupCreationDateTime(), Duration.between(b.backupCreationDateTime(), at), null, null, Map.of())));
  }

  /** Every backup of the table created up to {@code upTo} (all pages). */
  List<BackupSummary> backups(String table, Instant upTo) {
    List<BackupSummary> out = new java.util.ArrayList<>();
    String start = null;
    try {
      do {
        String from = start;
        var page = dynamo.listBackups(b -> b.tableName(table).backupType(BackupTypeFilter.ALL)
            .timeRangeUpperBound(upTo.plusSeconds(1)).exclusiveStartBackupArn(from));
        out.addAll(page.backupSummaries());
        start = page.lastEvaluatedBackupArn();
      } while (start != null && !start.isEmpty());
    } catch (SdkException e) {
      throw new AwsException("ListBackups of " + table, AwsFailure.of(e, Set.of(), false, true), null);
    }
    return out;
  }

  private DynamoRestorePoint withKeys(DynamoRestorePoint p) {
    try {
      var details = dynamo.describeBackup(b -> b.backupArn(p.backupArn())).backupDescription().sourceTableDetails();
      String hash = null;
      String range = null;
      for (var k : details.keySchema()) {
        if (k.keyType() == KeyType.HASH) {
          hash = k.attributeName();
        } else if (k.keyType() == KeyType.RANGE) {
          range = k.attributeName();
        }
      }
      return new DynamoRestorePoint(p.table(), p.kind(), p.backupArn(), p.dataTime(), p.rpo(), hash, range, Map.of());
    } catch (SdkException e) {
      throw new AwsException("DescribeBackup " + p.backupArn(), AwsFailure.of(e, NOT_FOUND, false, true), null);
    }
  }

  private Optional<TableDescription> describe(String table) {
    try {
      return Optional.of(dynamo.describeTable(b -> b.tableName(table)).table());
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, NOT_FOUND, false, true);
      if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty(); // gone (the disaster): its on-demand backups outlive it
      }
      throw new AwsException("DescribeTable " + table, failure, null);
    }
  }

  private PointInTimeRecoveryDescription pitr(String table) {
    try {
      return dynamo.describeContinuousBackups(b -> b.tableName(table)).continuousBackupsDescription()
          .pointInTimeRecoveryDescription();
    } catch (SdkException e) {
      throw new AwsException("DescribeContinuousBackups " + table, AwsFailure.of(e, NOT_FOUND, false, true), null);
    }
  }

  private static String key(TableDescription d, KeyType type) {
    return d.keySchema().stream().filter(k -> k.keyType() == type).map(k -> k.attributeName()).findFirst()
        .orElse(null);
  }

  private static Map<String, String> keyTypes(TableDescription d) {
    Map<String, String> types = new LinkedHashMap<>();
    d.keySchema().forEach(k -> d.attributeDefinitions().stream()
        .filter(a -> a.attributeName().equals(k.attributeName()))
        .forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString())));
    return types;
  }
}
