package dev.phoenix.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * Against moto 5.2.1, whose on-demand backups are real copies of the items: the backup chosen for
 * a date between two backups is the earlier one, and restoring it through {@link DynamoRestores}
 * gives that backup's item count, not the later one's. Item values are never read back: counts only.
 */
class DynamoRestoreIT {
  @RegisterExtension
  static final MotoClients<DynamoService, DynamoDbClient> AWS =
      new MotoClients<>(DynamoService::connect, c -> AwsClients.build(DynamoDbClient.builder(), c));

  private static final String CANARY = "canary-7f3a-never-printed";

  private void table(String name) {
    AWS.raw().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
  }

  private void items(String table, int from, int to) {
    for (int i = from; i < to; i++) {
      int n = i;
      AWS.raw().putItem(b -> b.tableName(table).item(Map.of(
          "id", AttributeValue.fromS("entry-" + n), "secret", AttributeValue.fromS(CANARY))));
    }
  }

  private BackupDetails backup(String table, String name) throws InterruptedException {
    Thread.sleep(20); // two backups never share a millisecond (ordering, not timing, is asserted)
    BackupDetails d = AWS.raw().createBackup(b -> b.tableName(table).backupName(name)).backupDetails();
    Thread.sleep(20);
    return d;
  }

  @Test
  void theBackupOfT1RestoresT1sItemsAndTheBackupOfT2RestoresT2s() throws Exception {
    table("ledger");
    items("ledger", 0, 3);
    BackupDetails t1 = backup("ledger", "ledger-t1");
    items("ledger", 3, 8);
    BackupDetails t2 = backup("ledger", "ledger-t2");
    Instant between = t1.backupCreationDateTime().plus(
        Duration.between(t1.backupCreationDateTime(), t2.backupCreationDateTime()).dividedBy(2));

    DynamoRestorePoint point = AWS.service().backups().restorePoint("ledger", between).orElseThrow();
    assertThat(point.kind()).isEqualTo(DynamoRestorePoint.Kind.BACKUP);
    assertThat(point.backupArn()).isEqualTo(t1.backupArn());
    assertThat(point.dataTime()).isEqualTo(t1.backupCreationDateTime());
    assertThat(point.rpo()).isEqualTo(Duration.between(t1.backupCreationDateTime(), between)).isPositive();
    assertThat(point.hashKey()).isEqualTo("id");
    assertThat(point.describe()).contains(t1.backupArn()).doesNotContain(CANARY);

    String arn = AWS.service().restores().restore(point.backupArn(), "ledger-d1a2b3c4", Map.of("phoenix:drill", "d1a2b3c4"));
    assertThat(arn).endsWith(":table/ledger-d1a2b3c4");
    assertThat(AWS.service().restores().count("ledger-d1a2b3c4")).isEqualTo(3);
    assertThat(AWS.raw().listTagsOfResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key)
        .contains(DynamoRestores.REBUILD_TAG, "phoenix:drill");
    // a second run converges: the same table from the same backup is taken as it is
    assertThat(AWS.service().restores().restore(point.backupArn(), "ledger-d1a2b3c4", Map.of())).isEqualTo(arn);

    DynamoRestorePoint later = AWS.service().backups().restorePoint("ledger", t2.backupCreationDateTime()).orElseThrow();
    assertThat(later.backupArn()).isEqualTo(t2.backupArn());
    assertThat(later.rpo()).isZero();
    AWS.service().restores().restore(later.backupArn(), "ledger-e5f6a7b8", Map.of());
    assertThat(AWS.service().restores().count("ledger-e5f6a7b8")).isEqualTo(8);
    assertThat(AWS.service().restores().count("ledger")).isEqualTo(8);
    assertThat(AWS.service().restores().restoredFrom("ledger-e5f6a7b8")).contains(t2.backupArn());

    // teardown's view: exactly the tables Phoenix restored under the prefix, then gone
    table("ledger-untagged");
    assertThat(AWS.service().restores().restoredTables("ledger-")).containsExactlyInAnyOrder(
        "ledger-d1a2b3c4", "ledger-e5f6a7b8");
    AWS.service().restores().delete(List.of("ledger-d1a2b3c4"));
    assertThat(AWS.raw().listTables().tableNames()).doesNotContain("ledger-d1a2b3c4").contains("ledger");
    AWS.service().restores().delete(List.of("ledger-d1a2b3c4")); // already gone: nothing to do

    // a table of the drill's name restored from another backup is refused, not adopted
    assertThatThrownBy(() -> AWS.service().restores().restore(t1.backupArn(), "ledger-e5f6a7b8", Map.of()))
        .isInstanceOf(AwsException.class).hasMessageContaining("was not restored from");
  }

  /**
   * ListTagsOfResource pages its answer (moto at 10 tags): Phoenix's tag after a team's twelve is on
   * the second page, and teardown still finds the table; a table with as many tags but not Phoenix's
   * is still left alone.
   */
  @Test
  void aRestoredTableWhoseTagIsOnALaterPageIsStillFound() {
    for (String name : List.of("crowd-restored", "crowd-theirs")) {
      table(name);
      String arn = AWS.raw().describeTable(b -> b.tableName(name)).table().tableArn();
      for (int i = 0; i < 12; i++) {
        int n = i;
        AWS.raw().tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team-" + n).value("x").build()));
      }
      if (name.equals("crowd-restored")) {
        AWS.raw().tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key(DynamoRestores.REBUILD_TAG).value("true").build()));
      }
      var first = AWS.raw().listTagsOfResource(b -> b.resourceArn(arn));
      assertThat(first.nextToken()).as("the tags span pages").isNotBlank();
      assertThat(first.tags()).extracting(Tag::key).doesNotContain(DynamoRestores.REBUILD_TAG);
    }
    assertThat(AWS.service().restores().restoredTables("crowd-")).containsExactly("crowd-restored");
  }

  @Test
  void beforeTheFirstBackupThereIsNothingAndAGoneTableKeepsItsBackups() throws Exception {
    table("orders");
    items("orders", 0, 2);
    Instant before = Instant.now().minusSeconds(3600);
    BackupDetails only = backup("orders", "orders-only");
    assertThat(AWS.service().backups().restorePoint("orders", before)).isEmpty();

    AWS.raw().deleteTable(b -> b.tableName("orders"));
    DynamoRestorePoint point = AWS.service().backups().restorePoint("orders", Instant.now()).orElseThrow();
    assertThat(point.backupArn()).isEqualTo(only.backupArn());
    AWS.service().restores().restore(point.backupArn(), "orders-restored", Map.of());
    assertThat(AWS.service().restores().count("orders-restored")).isEqualTo(2);
  }

  @Test
  void keepMarksAreTagsOnTheTableNamingTheBackupAndPruneRemovesOnlyThem() throws Exception {
    table("ledger");
    items("ledger", 0, 1);
    BackupDetails t1 = backup("ledger", "ledger-t1");
    BackupDetails t2 = backup("ledger", "ledger-t2");
    String tableArn = t1.backupArn().substring(0, t1.backupArn().indexOf("/backup/"));
    AWS.raw().tagResource(b -> b.resourceArn(tableArn).tags(Tag.builder().key("owner").value("ledger-team").build()));
    Keeper keeper = AWS.service().keeper();
    Ref.DynamoBackup b1 = new Ref.DynamoBackup(t1.backupArn());
    Ref.DynamoBackup b2 = new Ref.DynamoBackup(t2.backupArn());

    assertThat(keeper.handles(b1)).isTrue();
    assertThat(keeper.isProtected(b1, "prod")).isFalse();
    keeper.protect(b1, "prod");
    keeper.protect(b2, "prod");
    keeper.protect(b2, "staging");
    assertThat(keeper.isProtected(b1, "prod")).isTrue();
    assertThat(keeper.mark(b1, "prod")).isEqualTo("table tag phoenix-keep-prod-backup-"
        + t1.backupArn().substring(t1.backupArn().indexOf("/backup/") + 8));
    List<Keeper.Kept> kept = keeper.kept(List.of(b1), "prod");
    assertThat(kept).extracting(Keeper.Kept::ref).containsExactlyInAnyOrder(b1, b2);

    keeper.release(kept.stream().filter(k -> k.ref().equals(b2)).findFirst().orElseThrow(), "prod");
    assertThat(keeper.isProtected(b2, "prod")).isFalse();
    assertThat(keeper.isProtected(b2, "staging")).isTrue();
    assertThat(keeper.isProtected(b1, "prod")).isTrue();
    assertThat(AWS.raw().listTagsOfResource(b -> b.resourceArn(tableArn)).tags()).extracting(Tag::key)
        .contains("owner");
  }

  @Test
  void theCheckerFindsTheBackupAvailableAndADeletedOneMissing() throws Exception {
    table("ledger");
    BackupDetails t1 = backup("ledger", "ledger-t1");
    BackupDetails t2 = backup("ledger", "ledger-t2");
    AWS.raw().deleteBackup(b -> b.backupArn(t2.backupArn()));
    Ref.DynamoBackup b1 = new Ref.DynamoBackup(t1.backupArn());
    Ref.DynamoBackup b2 = new Ref.DynamoBackup(t2.backupArn());
    var found = AWS.service().checker().check(List.of(b1, b2), dev.phoenix.aws.MotoAws.options(false));
    assertThat(found.get(b1).status()).isEqualTo(dev.phoenix.check.Status.OK);
    assertThat(found.get(b2).status()).isEqualTo(dev.phoenix.check.Status.MISSING);
  }
}
