package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.dynamodb.DynamoService;
import dev.phoenix.aws.rds.RdsService;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.synth.DatastoreSpec;
import dev.phoenix.testsupport.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The aws target's datastore step against moto: a plan-only run names the table it will restore
 * and writes nothing; an applied run restores the backup of the date (t1's items, not t2's) before
 * the engine; a datastore with nothing at or before the date fails the rebuild naming it.
 */
class DatastoreRestoresIT {
  private static MotoServer moto;
  private static RdsService rds;
  private static DynamoService dynamo;
  private static RdsClient rawRds;
  private static DynamoDbClient rawDynamo;

  @BeforeAll
  static void open() {
    moto = MotoServer.shared();
    AwsConfig config = MotoAws.config(moto);
    rds = RdsService.connect(config);
    dynamo = DynamoService.connect(config);
    rawRds = AwsClients.build(RdsClient.builder(), config);
    rawDynamo = AwsClients.build(DynamoDbClient.builder(), config);
  }

  @AfterAll
  static void close() {
    rawDynamo.close();
    rawRds.close();
    dynamo.close();
    rds.close();
    moto.close();
  }

  @BeforeEach
  void reset() {
    moto.reset();
  }

  private final DatastoreRestores restores = new DatastoreRestores(r -> rds, r -> dynamo);

  private BackupDetails backupAfter(int items, int from) throws InterruptedException {
    for (int i = from; i < items; i++) {
      int n = i;
      rawDynamo.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS("s-" + n))));
    }
    Thread.sleep(20); // ordering of the two backups' times, not timing, is asserted
    BackupDetails d = rawDynamo.createBackup(b -> b.tableName("sessions").backupName("sessions-" + items)).backupDetails();
    Thread.sleep(20);
    return d;
  }

  @Test
  void planOnlyNamesTheTableAndAnAppliedRunRestoresTheBackupOfTheDate() throws Exception {
    rawDynamo.createTable(b -> b.tableName("sessions").billingMode("PAY_PER_REQUEST")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
    BackupDetails t1 = backupAfter(4, 0);
    BackupDetails t2 = backupAfter(9, 4);
    Instant at = t2.backupCreationDateTime().minusMillis(5);
    List<AwsDatastoreRestore> wanted = List.of(AwsDatastoreRestore.dynamo("sessions", "data", "sessions", null));

    List<RestoredDatastore> planned = restores.resolve(wanted, at, Instant.now(), "shop", "d1a2b3c4", false);
    assertThat(planned).hasSize(1);
    assertThat(planned.get(0).pinned()).isEqualTo(t1.backupArn());
    assertThat(planned.get(0).rpo()).isEqualTo(Duration.between(t1.backupCreationDateTime(), at));
    assertThat(planned.get(0).spec()).isEqualTo(
        new DatastoreSpec.DynamoFromBackup("sessions", "shop-sessions-d1a2b3c4", t1.backupArn()));
    assertThat(planned.get(0).note()).contains("to restore table shop-sessions-d1a2b3c4", "(restored when applied)");
    assertThat(rawDynamo.listTables().tableNames()).containsExactly("sessions");

    List<RestoredDatastore> applied = restores.resolve(wanted, at, Instant.now(), "shop", "d1a2b3c4", true);
    assertThat(applied.get(0).note()).startsWith("sessions: restored table shop-sessions-d1a2b3c4 from backup");
    assertThat(dynamo.restores().count("shop-sessions-d1a2b3c4")).isEqualTo(4);
    assertThat(dynamo.restores().count("sessions")).isEqualTo(9);
  }

  @Test
  void rdsFromTheSnapshotOfTheDateAndEveryDatastoreWithoutOneNamedAtOnce() throws Exception {
    rawRds.createDBInstance(b -> b.dbInstanceIdentifier("ledger").engine("postgres").dbInstanceClass("db.t3.micro")
        .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
        .backupRetentionPeriod(0));
    var snap = rawRds.createDBSnapshot(b -> b.dbInstanceIdentifier("ledger").dbSnapshotIdentifier("ledger-t1"))
        .dbSnapshot();
    Instant at = snap.snapshotCreateTime().plusSeconds(3600);
    AwsDatastoreRestore ledger = AwsDatastoreRestore.rds("ledger-db", "data", "ledger", null, "postgres", "db.t3.micro", 5432);

    RestoredDatastore r = restores.resolve(List.of(ledger), at, Instant.now(), "shop", "d1a2b3c4", false).get(0);
    assertThat(r.spec()).isEqualTo(
        DatastoreSpec.RdsInstance.fromSnapshot("ledger-db", "postgres", "db.t3.micro", 5432, "ledger-t1"));
    assertThat(r.pinned()).isEqualTo(snap.dbSnapshotArn());
    assertThat(r.rpo()).isEqualTo(Duration.ofHours(1));

    Instant before = snap.snapshotCreateTime().minusSeconds(60);
    assertThatThrownBy(() -> restores.resolve(List.of(ledger, AwsDatastoreRestore.dynamo("carts", "data", "carts", null)),
        before, Instant.now(), "shop", "d1a2b3c4", true))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("no backup at or before " + before)
        .hasMessageContaining("ledger-db (rds instance ledger)")
        .hasMessageContaining("carts (dynamodb table carts)");
  }
}
