package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import dev.phoenix.check.KeepLabels;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * For {@code protect}: Phoenix's tags on a table that name its kept backups,
 * {@code phoenix-keep-<env>-backup-<backup id>=phoenix}. A DynamoDB on-demand backup cannot carry
 * tags of its own (TagResource takes tables), so the table holds the marks.
 */
final class DynamoTableTags {
  static final String VALUE = "phoenix";
  private final DynamoDbClient dynamo;

  DynamoTableTags(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Phoenix's tag keys on the table (all pages). */
  Set<String> keepTags(String tableArn) {
    return keys(tableArn, KeepLabels::isPhoenix);
  }

  /**
   * The table's tag keys that {@code wanted} accepts, from every page: ListTagsOfResource pages its
   * answer (moto at 10 tags), so a first page alone can miss the one tag asked about.
   */
  Set<String> keys(String tableArn, java.util.function.Predicate<String> wanted) {
    Set<String> keys = new TreeSet<>();
    String next = null;
    try {
      do {
        String from = next;
        var page = dynamo.listTagsOfResource(b -> b.resourceArn(tableArn).nextToken(from));
        page.tags().stream().filter(t -> wanted.test(t.key())).forEach(t -> keys.add(t.key()));
        next = page.nextToken();
      } while (next != null && !next.isEmpty());
    } catch (SdkException e) {
      throw new AwsException("ListTagsOfResource " + tableArn, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true),
          gone());
    }
    return keys;
  }

  void tag(String tableArn, String key) {
    try {
      dynamo.tagResource(b -> b.resourceArn(tableArn).tags(t -> t.key(key).value(VALUE)));
    } catch (SdkException e) {
      throw new AwsException("TagResource " + tableArn, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true),
          gone());
    }
  }

  void untag(String tableArn, String key) {
    try {
      dynamo.untagResource(b -> b.resourceArn(tableArn).tagKeys(key));
    } catch (SdkException e) {
      throw new AwsException("UntagResource " + tableArn, AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true),
          gone());
    }
  }

  private static String gone() {
    return "when the table itself is gone its on-demand backups stay until someone deletes them;"
        + " Phoenix has no place left to mark them";
  }
}
