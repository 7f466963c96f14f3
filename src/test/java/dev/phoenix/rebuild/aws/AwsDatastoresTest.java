package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.history.Revision;
import dev.phoenix.history.When;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Stack;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.Resolved;
import dev.phoenix.synth.DatastoreSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which datastores the aws target restores, the date their data belongs to, and what the record pins. */
class AwsDatastoresTest {
  private static final Datastore.RestoreProbe PROBE = new Datastore.RestoreProbe(null, 0);
  private static final String SNAPSHOT = "arn:aws:rds:eu-west-1:123456789012:snapshot:ledger-t1";
  private static final String BACKUP = "arn:aws:dynamodb:eu-west-1:123456789012:table/carts/backup/01796299285741-6a7b6818";

  private static Estate estate() {
    Stack data = new Stack("data", List.of(), List.of(), List.of(), List.of(
        new Datastore("ledger-db", Datastore.DbEngine.POSTGRES, "ledger-postgres", new Datastore.RdsSnapshots("ledger"),
            Duration.ofHours(24), new Datastore.RestoreProbe("select count(*) from entries", 1)),
        new Datastore("dumps", Datastore.DbEngine.POSTGRES, "ledger-postgres",
            new Datastore.S3Dumps("ledger-backups", "dumps/"), Duration.ofHours(24), PROBE)));
    Stack carts = new Stack("carts", List.of("data"), List.of(), List.of(), List.of(
        new Datastore("carts", Datastore.DbEngine.DYNAMODB, null, new Datastore.DynamoDbBackups("carts"),
            Duration.ofHours(1), PROBE)));
    return new Estate(null, List.of(data, carts));
  }

  @Test
  void rdsAndDynamoDatastoresAreRestoredAndDumpsAreNamedForLocalDrills() {
    List<String> notes = new ArrayList<>();
    List<AwsDatastoreRestore> wanted = AwsDatastores.wanted(estate(), "eu-west-1", notes);
    assertThat(wanted).containsExactly(
        AwsDatastoreRestore.rds("ledger-db", "data", "ledger", "eu-west-1", "postgres", "db.t3.micro", 5432),
        AwsDatastoreRestore.dynamo("carts", "carts", "carts", "eu-west-1"));
    assertThat(notes).singleElement().asString()
        .contains("datastore dumps", "s3://ledger-backups/dumps/", "a local drill restores dumps");
  }

  @Test
  void theChoiceGoesToItsStackAndTheRecordPinsTheBackupItsTimeAndTheRpoAsIsoDurations() {
    Instant at = Instant.parse("2026-11-01T23:59:59Z");
    Instant taken = Instant.parse("2026-11-01T03:00:00Z");
    DatastoreSpec ledger = DatastoreSpec.RdsInstance.fromSnapshot("ledger-db", "postgres", "db.t3.micro", 5432,
        "ledger-t1");
    DatastoreSpec carts = new DatastoreSpec.DynamoFromBackup("carts", "shop-carts-d1a2b3c4", BACKUP);
    AwsDatastores.Chosen chosen = AwsDatastores.chosen(List.of(
        new RestoredDatastore("ledger-db", "data", ledger, SNAPSHOT, taken, Duration.between(taken, at), "ledger-db: x"),
        new RestoredDatastore("carts", "carts", carts, "carts@" + at, at, Duration.ZERO, "carts: y")));
    assertThat(chosen.byStack()).isEqualTo(Map.of("data", List.of(ledger), "carts", List.of(carts)));
    assertThat(chosen.used()).containsExactly(
        new DrillRecord.DataUsed("ledger-db", "postgres", SNAPSHOT, null, "2026-11-01T03:00:00Z",
            Duration.parse("PT20H59M59S").toMillis(), "20h 59m 59s", null, null, DrillRecord.DataUsed.CHOSEN, null),
        new DrillRecord.DataUsed("carts", "dynamodb", "carts@2026-11-01T23:59:59Z", null, "2026-11-01T23:59:59Z",
            0L, "0s", null, null, DrillRecord.DataUsed.CHOSEN, null));
    assertThat(chosen.notes()).containsExactly("ledger-db: x", "carts: y");
  }

  @Test
  void theDataDateIsTheAskedMomentNeverAfterNowAndNowForARevision() {
    CommitInfo commit = new CommitInfo("c".repeat(40), Instant.parse("2026-10-20T09:00:00Z"), "a", "s");
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    When day = When.read("2026-11-01", "--at");
    assertThat(AwsDatastores.dataDate(new Resolved("2026-11-01", new Revision("prod", commit, null, day), estate()), now))
        .isEqualTo(Instant.parse("2026-11-01T23:59:59Z"));
    When today = When.read("2026-11-26", "--at");
    assertThat(AwsDatastores.dataDate(new Resolved("2026-11-26", new Revision("prod", commit, null, today), estate()),
        now)).as("the end of today is not yet: now").isEqualTo(now);
    When rev = When.read("HEAD~1", "--at");
    assertThat(AwsDatastores.dataDate(new Resolved("HEAD~1", new Revision("prod", commit, null, rev), estate()), now))
        .isEqualTo(now);
  }
}
