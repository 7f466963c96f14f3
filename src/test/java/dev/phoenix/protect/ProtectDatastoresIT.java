package dev.phoenix.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.git.GitRepository;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.verify.Lockfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * {@code protect --prune --yes} of an environment whose blueprint declares an RDS and a DynamoDB
 * datastore, against moto, through the run's {@code Stores} (keepers and backup listings): the
 * backups the window needs (the newest at or before its start, and every one after) get the keep
 * tag, an older one marked by an earlier run loses only Phoenix's mark.
 */
class ProtectDatastoresIT {
  private static MotoServer moto;
  private static RdsClient rds;
  private static DynamoDbClient dynamo;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    rds = AwsClients.build(RdsClient.builder(), config());
    dynamo = AwsClients.build(DynamoDbClient.builder(), config());
  }

  @AfterAll
  static void stop() {
    rds.close();
    dynamo.close();
    moto.close();
  }

  private static AwsConfig config() {
    return AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
  }

  private record Snap(String arn, Instant at) {}

  private static Snap snapshot(String id) throws InterruptedException {
    var s = rds.createDBSnapshot(b -> b.dbInstanceIdentifier("ledger").dbSnapshotIdentifier(id)).dbSnapshot();
    Thread.sleep(20); // order of the backups, not timing, is asserted
    return new Snap(s.dbSnapshotArn(), s.snapshotCreateTime());
  }

  private static Snap backup(String name) throws InterruptedException {
    var b = dynamo.createBackup(r -> r.tableName("sessions").backupName(name)).backupDetails();
    Thread.sleep(20);
    return new Snap(b.backupArn(), b.backupCreationDateTime());
  }

  private static Set<String> rdsTags(String arn) {
    return rds.listTagsForResource(b -> b.resourceName(arn)).tagList().stream().map(Tag::key)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void theBackupsTheWindowNeedsAreMarkedAndAnOlderOnesMarkIsPruned() throws Exception {
    rds.createDBInstance(b -> b.dbInstanceIdentifier("ledger").engine("postgres").dbInstanceClass("db.t3.micro")
        .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
        .backupRetentionPeriod(0));
    dynamo.createTable(b -> b.tableName("sessions").billingMode("PAY_PER_REQUEST")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
    Snap sOld = snapshot("ledger-old");
    Snap bOld = backup("sessions-old");
    Snap s0 = snapshot("ledger-0");
    Snap b0 = backup("sessions-0");
    // the window starts on a whole second between b0 and s1: s1 two whole seconds after b0's second at least
    // (moto gives RDS snapshots whole seconds, DynamoDB backups milliseconds); order, not timing, is asserted
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), b0.at().truncatedTo(ChronoUnit.SECONDS).plusMillis(2100))
        .toMillis()));
    Snap s1 = snapshot("ledger-1");
    Snap b1 = backup("sessions-1");
    Instant since = s1.at().truncatedTo(ChronoUnit.SECONDS).minusMillis(1);
    assertThat(b0.at()).isBefore(since.truncatedTo(ChronoUnit.SECONDS));
    Duration window = Duration.ofHours(1);

    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: svc\ndependsOn: []\ndatastores:\n"
          + "  - {name: ledger-db, engine: postgres, image: app, backups: {rds: {instance: ledger}}, rpo: 24h,"
          + " probe: {sql: select count(*) from entries, min: 1}}\n"
          + "  - {name: sessions, engine: dynamodb, backups: {dynamodb: {table: sessions}}, rpo: 1h, probe: {min: 0}}\n");
      // the image's registry refuses connections at once: its action fails, the datastores' do not depend on it
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod",
          Map.of("app", "127.0.0.1:1/app@sha256:" + "a".repeat(64)), "", ""));
      git.commit(Instant.parse("2026-10-20T09:00:00Z"), "prod with datastores");
    }
    try (Stores stores = Stores.open(StoreSettings.of(config(), Set.of())); GitRepository git = GitRepository.open(dir)) {
      Keepers keepers = Keepers.of(stores.keepers());
      Keeper rdsKeeper = keepers.forRef(new Ref.RdsSnapshot(sOld.arn())).orElseThrow();
      Keeper dynamoKeeper = keepers.forRef(new Ref.DynamoBackup(bOld.arn())).orElseThrow();
      rdsKeeper.protect(new Ref.RdsSnapshot(sOld.arn()), "prod"); // an earlier run's marks
      dynamoKeeper.protect(new Ref.DynamoBackup(bOld.arn()), "prod");
      rds.addTagsToResource(b -> b.resourceName(sOld.arn()).tags(t -> t.key("owner").value("ledger-team")));

      ProtectResult result = Protection.run(git, keepers, stores.backupListings(),
          new ProtectRequest("prod", window, true, true, 4), ProtectProgress.NONE, since.plus(window));

      List<Action> mine = result.actions().stream()
          .filter(a -> a.ref() instanceof Ref.RdsSnapshot || a.ref() instanceof Ref.DynamoBackup).toList();
      assertThat(mine).extracting(Action::kind, a -> a.ref().id()).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(Action.Kind.ADD, new Ref.RdsSnapshot(s0.arn()).id()),
          org.assertj.core.groups.Tuple.tuple(Action.Kind.ADD, new Ref.RdsSnapshot(s1.arn()).id()),
          org.assertj.core.groups.Tuple.tuple(Action.Kind.ADD, new Ref.DynamoBackup(b0.arn()).id()),
          org.assertj.core.groups.Tuple.tuple(Action.Kind.ADD, new Ref.DynamoBackup(b1.arn()).id()),
          org.assertj.core.groups.Tuple.tuple(Action.Kind.REMOVE, new Ref.RdsSnapshot(sOld.arn()).id()),
          org.assertj.core.groups.Tuple.tuple(Action.Kind.REMOVE, new Ref.DynamoBackup(bOld.arn()).id()));
      assertThat(mine.stream().filter(a -> a.kind() == Action.Kind.ADD).map(Action::reason))
          .allMatch(r -> r.contains("datastore ledger-db") || r.contains("datastore sessions"));

      assertThat(rdsTags(s0.arn())).contains("phoenix-keep-prod");
      assertThat(rdsTags(s1.arn())).contains("phoenix-keep-prod");
      assertThat(rdsTags(sOld.arn())).doesNotContain("phoenix-keep-prod").contains("owner");
      assertThat(dynamoKeeper.isProtected(new Ref.DynamoBackup(b0.arn()), "prod")).isTrue();
      assertThat(dynamoKeeper.isProtected(new Ref.DynamoBackup(b1.arn()), "prod")).isTrue();
      assertThat(dynamoKeeper.isProtected(new Ref.DynamoBackup(bOld.arn()), "prod")).isFalse();

      ProtectResult again = Protection.run(git, keepers, stores.backupListings(),
          new ProtectRequest("prod", window, true, false, 4), ProtectProgress.NONE, since.plus(window));
      assertThat(again.actions()).as("a second run finds nothing to change for the datastores")
          .noneMatch(a -> a.ref() instanceof Ref.RdsSnapshot || a.ref() instanceof Ref.DynamoBackup);
    }
  }
}
