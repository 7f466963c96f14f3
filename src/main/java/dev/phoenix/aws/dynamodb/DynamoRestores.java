package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * What the Terraform provider cannot do: a table restored from an on-demand backup
 * (RestoreTableFromBackup), done through the SDK before apply, as SSM versions are materialized;
 * and the item count a probe needs ({@code Scan} with {@code Select=COUNT}: no item is read back).
 */
public final class DynamoRestores {
  /** The tag on every table Phoenix restored, so teardown finds exactly those. */
  public static final String REBUILD_TAG = "phoenix:rebuild";
  private final DynamoDbClient dynamo;
  private final DynamoTableTags tableTags;

  DynamoRestores(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
    this.tableTags = new DynamoTableTags(dynamo);
  }

  /**
   * Restores {@code backupArn} into a new table {@code target} and waits until it is ACTIVE; a
   * table of that name already restored from the same backup is taken as it is (a second run
   * converges). Returns the table's ARN. A table of that name restored from anything else is refused.
   */
  public String restore(String backupArn, String target, Map<String, String> tags) {
    Optional<TableDescription> existing = describe(target);
    if (existing.isPresent()) {
      TableDescription t = existing.get();
      String source = t.restoreSummary() == null ? null : t.restoreSummary().sourceBackupArn();
      if (!backupArn.equals(source)) {
        throw AwsException.input("table " + target + " exists and was not restored from " + backupArn,
            "choose another drill id, or delete that table if it is a leftover of this drill");
      }
      waitActive(target);
      return t.tableArn();
    }
    String arn;
    try {
      arn = dynamo.restoreTableFromBackup(b -> b.backupArn(backupArn).targetTableName(target))
          .tableDescription().tableArn();
    } catch (SdkException e) {
      throw new AwsException("RestoreTableFromBackup " + backupArn + " -> " + target,
          AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true), null);
    }
    waitActive(target);
    try {
      java.util.List<Tag> all = new java.util.ArrayList<>();
      all.add(Tag.builder().key(REBUILD_TAG).value("true").build());
      tags.forEach((k, v) -> all.add(Tag.builder().key(k).value(v).build()));
      dynamo.tagResource(b -> b.resourceArn(arn).tags(all));
    } catch (SdkException e) {
      throw new AwsException("TagResource " + arn, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true), null);
    }
    return arn;
  }

  /** The number of items in {@code table} (Scan, Select=COUNT, every page): values never leave AWS. */
  public long count(String table) {
    long count = 0;
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
    try {
      do {
        var from = start;
        var page = dynamo.scan(b -> b.tableName(table).select(Select.COUNT).exclusiveStartKey(from));
        count += page.count();
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    } catch (SdkException e) {
      // the message may echo key values: only the code is kept
      throw new AwsException("Scan (COUNT) " + table, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, false), null);
    }
    return count;
  }

  /** The source backup a table was restored from, or empty when it was not restored from one. */
  public Optional<String> restoredFrom(String table) {
    return describe(table).map(t -> t.restoreSummary() == null ? null : t.restoreSummary().sourceBackupArn());
  }

  /**
   * For teardown: the tables whose names start with {@code namePrefix} and that carry
   * {@value #REBUILD_TAG} (ListTables, ListTagsOfResource; no item is read).
   */
  public java.util.List<String> restoredTables(String namePrefix) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try {
      for (String table : dynamo.listTablesPaginator(b -> { }).tableNames()) {
        if (!table.startsWith(namePrefix)) {
          continue;
        }
        String arn = dynamo.describeTable(b -> b.tableName(table)).table().tableArn();
        if (!tableTags.keys(arn, REBUILD_TAG::equals).isEmpty()) {
          out.add(table);
        }
      }
    } catch (SdkException e) {
      throw new AwsException("ListTables/ListTagsOfResource under " + namePrefix,
          AwsFailure.of(e, Set.of(), false, true), null);
    }
    return out;
  }

  /** Deletes the tables (DeleteTable); one already gone is skipped. */
  public void delete(java.util.List<String> tables) {
    for (String table : tables) {
      try {
        dynamo.deleteTable(b -> b.tableName(table));
      } catch (SdkException e) {
        AwsFailure failure = AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true);
        if (failure.kind() != AwsFailure.Kind.NOT_FOUND) {
          throw new AwsException("DeleteTable " + table, failure, null);
        }
      }
    }
  }

  private void waitActive(String table) {
    try {
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(table)).matched().exception().ifPresent(e -> {
        throw new AwsException("waiting for table " + table + " to become ACTIVE",
            new AwsFailure(AwsFailure.Kind.SERVICE, e.getClass().getSimpleName(), 0, ""), null);
      });
    } catch (SdkException e) {
      throw new AwsException("DescribeTable " + table, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true), null);
    }
  }

  private Optional<TableDescription> describe(String table) {
    try {
      return Optional.of(dynamo.describeTable(b -> b.tableName(table)).table());
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true);
      if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw new AwsException("DescribeTable " + table, failure, null);
    }
  }

}
