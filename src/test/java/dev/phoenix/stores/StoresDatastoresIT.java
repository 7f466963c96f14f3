package dev.phoenix.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.testsupport.MotoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The run's Stores hand out checkers and keepers for datastore backups, each asked in the region
 * its ARN names: a DynamoDB backup in the run's region and an RDS snapshot in another region are
 * checked and protected on clients built once per region.
 */
class StoresDatastoresIT {

  @Test
  void datastoreBackupsAreCheckedAndKeptInTheRegionTheirArnNames() {
    MotoServer moto = MotoServer.shared();
    try {
      moto.reset();
      AwsConfig config = MotoAws.config(moto);
      String backupArn;
      String snapshotArn;
      try (DynamoDbClient dynamo = AwsClients.build(DynamoDbClient.builder(), config);
          RdsClient rds = AwsClients.build(RdsClient.builder(), config, "eu-west-1")) {
        dynamo.createTable(b -> b.tableName("sessions").billingMode("PAY_PER_REQUEST")
            .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
        backupArn = dynamo.createBackup(b -> b.tableName("sessions").backupName("sessions-1")).backupDetails().backupArn();
        rds.createDBInstance(b -> b.dbInstanceIdentifier("ledger").engine("postgres").dbInstanceClass("db.t3.micro")
            .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
            .backupRetentionPeriod(0));
        snapshotArn = rds.createDBSnapshot(b -> b.dbInstanceIdentifier("ledger").dbSnapshotIdentifier("ledger-t1"))
            .dbSnapshot().dbSnapshotArn();
      }
      Ref backup = new Ref.DynamoBackup(backupArn);
      Ref snapshot = new Ref.RdsSnapshot(snapshotArn);
      assertThat(((Ref.RdsSnapshot) snapshot).region()).isEqualTo("eu-west-1");
      assertThat(backup.store()).isEqualTo("dynamodb:" + MotoServer.REGION);

      List<String> events = Collections.synchronizedList(new ArrayList<>());
      try (Stores stores = Stores.open(StoreSettings.of(config, 4, Set.of()), events::add)) {
        Map<Ref, Finding> found = Checks.run(stores.checkers(), List.of(backup, snapshot), MotoAws.options(false));
        assertThat(found.values()).extracting(Finding::status).as(found.toString()).containsOnly(Status.OK);
        for (Ref ref : List.of(backup, snapshot)) {
          Keeper keeper = stores.keepers().stream().filter(k -> k.handles(ref)).findFirst().orElseThrow();
          assertThat(keeper.isProtected(ref, "prod")).isFalse();
          keeper.protect(ref, "prod");
          assertThat(keeper.isProtected(ref, "prod")).as(ref.id()).isTrue();
          assertThat(keeper.kept(List.of(ref), "prod")).extracting(Keeper.Kept::ref).containsExactly(ref);
        }
        assertThat(events).contains("built dynamodb " + MotoServer.REGION, "built rds eu-west-1");
        assertThat(events).doesNotContain("built rds " + MotoServer.REGION);
      }
    } finally {
      moto.close();
    }
  }
}
