package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.git.GitRepository;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.verify.report.ExitCode;
import dev.phoenix.verify.report.ReportFormat;
import dev.phoenix.verify.report.ShardJson;
import dev.phoenix.verify.report.TextReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * verify of an RDS-snapshot datastore and a DynamoDB-backup datastore on moto, through the run's
 * {@code Stores.backups()}: with backups at t1 and t2 both are restorable within their RPO over a
 * window starting at t1 (exit 0; {@code --deep} says there was nothing more to hash); once the t1
 * backups are deleted, the stretch from the window's start to t2 is the gap, named (exit 1).
 */
class VerifyDatastoresIT {
  static MotoServer moto;
  static AwsStores aws;
  static RdsClient rds;
  static DynamoDbClient dynamo;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
    aws = new AwsStores(moto);
    rds = AwsClients.build(RdsClient.builder(), config());
    dynamo = AwsClients.build(DynamoDbClient.builder(), config());
  }

  @AfterAll
  static void stop() {
    if (rds != null) {
      rds.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
    if (aws != null) {
      aws.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  private static AwsConfig config() {
    return AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
  }

  private record Taken(String arn, Instant at) {}

  private static Taken snapshot(String instance, String id) {
    var s = rds.createDBSnapshot(b -> b.dbInstanceIdentifier(instance).dbSnapshotIdentifier(id)).dbSnapshot();
    return new Taken(s.dbSnapshotArn(), s.snapshotCreateTime());
  }

  private static Taken backup(String table, String name) {
    var b = dynamo.createBackup(r -> r.tableName(table).backupName(name)).backupDetails();
    return new Taken(b.backupArn(), b.backupCreationDateTime());
  }

  private VerifyResult verify(VerifyWindow window, Instant now, boolean deep) throws Exception {
    VerifyRequest request = new VerifyRequest(List.of("prod"), false, window, deep, 8, Duration.ofMinutes(2), Set.of(),
        false);
    try (GitRepository repo = GitRepository.open(dir); Stores stores = Stores.open(StoreSettings.of(config(), 8, Set.of()))) {
      Verifier verifier = new Verifier(repo, stores.checkers(), ProgressListener.NONE, Clock.fixed(now, ZoneOffset.UTC),
          ProtectionProbe.NONE, stores.backups());
      VerifyResult result = verifier.verify(request);
      // the shard that carries the data writes RDS/DynamoDB backups into its JSON and reads them back whole
      ShardRun shard = verifier.verifyShard(request, new Shard(ShardRun.DATA_SHARD, 2), repo.head().orElseThrow().id());
      assertThat(ShardJson.read("shard.json", ShardJson.render(shard)).data()).isEqualTo(shard.data());
      return result;
    }
  }

  private static DataReport datastore(VerifyResult r, String name) {
    return r.environments().get(0).data().stream().filter(d -> d.datastore().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void snapshotsAndBackupsCoverTheWindowUntilTheFirstOnesAreDeletedThenTheGapIsNamed() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String instance = "ledger-" + id;
    String table = "sessions-" + id;
    rds.createDBInstance(b -> b.dbInstanceIdentifier(instance).engine("postgres").dbInstanceClass("db.t3.micro")
        .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
        .backupRetentionPeriod(0));
    dynamo.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
    // like RDS with automated backups, moto takes a snapshot when the instance is created: a backup too
    String automated = rds.describeDBSnapshots(b -> b.dbInstanceIdentifier(instance).snapshotType("automated"))
        .dbSnapshots().get(0).dbSnapshotIdentifier();
    Taken s1 = snapshot(instance, "ledger-t1");
    Taken b1 = backup(table, "sessions-t1");
    Thread.sleep(1100); // t2 on a later second than t1 (moto keeps whole seconds): order, not timing, is asserted
    Taken s2 = snapshot(instance, "ledger-t2");
    Taken b2 = backup(table, "sessions-t2");
    Instant from = s1.at().isAfter(b1.at()) ? s1.at() : b1.at(); // both t1 backups at or before the window's start
    assertThat(s2.at()).isAfter(from);
    assertThat(b2.at()).isAfter(from);
    Instant now = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
    VerifyWindow window = VerifyWindow.since(Duration.between(from, now), now, "since t1");

    String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ledger-" + id + "/api@"
        + aws.ecrImage("ledger-" + id + "/api", "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":"
            + "\"application/vnd.docker.container.image.v1+json\",\"size\":2,\"digest\":\"sha256:"
            + AwsStores.sha256("{}") + "\"},\"layers\":[]}");
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack() + "datastores:\n"
          + "  - {name: ledger-db, engine: postgres, image: app, backups: {rds: {instance: " + instance + "}}, rpo: 1h,"
          + " probe: {sql: select count(*) from entries, min: 1}}\n"
          + "  - {name: sessions, engine: dynamodb, backups: {dynamodb: {table: " + table + "}}, rpo: 1h, probe: {min: 0}}\n");
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod", Map.of("app", image), "", ""));
      git.commit(now.minus(Duration.ofDays(20)), "prod with an RDS and a DynamoDB datastore");
    }

    for (boolean deep : new boolean[] {false, true}) {
      VerifyResult whole = verify(window, now, deep);
      String text = TextReport.render(whole);
      DataReport ledger = datastore(whole, "ledger-db");
      DataReport sessions = datastore(whole, "sessions");
      assertThat(ledger.summary()).as(text)
          .isEqualTo("prod ledger-db: restorable within RPO 1h at every point since " + Summary.time(from));
      assertThat(sessions.summary()).as(text)
          .isEqualTo("prod sessions: restorable within RPO 1h at every point since " + Summary.time(from));
      assertThat(ledger.backups()).extracting(c -> c.backup().object().id(), c -> c.backup().takenFrom(),
          c -> c.finding().status()).containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(new Ref.RdsSnapshot(s1.arn()).id().replace("ledger-t1", automated),
                  "SnapshotCreateTime", Status.OK),
              org.assertj.core.groups.Tuple.tuple(new Ref.RdsSnapshot(s1.arn()).id(), "SnapshotCreateTime", Status.OK),
              org.assertj.core.groups.Tuple.tuple(new Ref.RdsSnapshot(s2.arn()).id(), "SnapshotCreateTime", Status.OK));
      assertThat(sessions.backups()).extracting(c -> c.backup().object(), c -> c.finding().status())
          .containsExactly(org.assertj.core.groups.Tuple.tuple(new Ref.DynamoBackup(b1.arn()), Status.OK),
              org.assertj.core.groups.Tuple.tuple(new Ref.DynamoBackup(b2.arn()), Status.OK));
      assertThat(List.of(ledger.worst(), sessions.worst())).containsOnly(RevisionStatus.OK);
      if (!deep) { // (--deep fetches the image's blobs from the registry host, which moto does not serve)
        assertThat(whole.outcome()).as(text).isEqualTo(Verdict.OK);
        assertThat(ExitCode.of(whole.outcome())).isZero();
      }
      String json = ReportFormat.JSON.render(whole);
      assertThat(json).contains(s1.arn(), b2.arn());
      if (deep) {
        assertThat(ledger.backups()).allMatch(c -> c.finding().reason().contains("--deep: nothing more to hash"));
        assertThat(sessions.backups()).allMatch(c -> c.finding().reason().contains("--deep: nothing more to hash"));
      } else {
        assertThat(json).doesNotContain("nothing more to hash");
      }
    }

    rds.deleteDBSnapshot(b -> b.dbSnapshotIdentifier("ledger-t1"));
    rds.deleteDBSnapshot(b -> b.dbSnapshotIdentifier(automated)); // RDS does this at the retention's end; moto lets a test
    dynamo.deleteBackup(b -> b.backupArn(b1.arn()));
    VerifyResult broken = verify(window, now, false);
    String text = TextReport.render(broken);
    for (var gapAt : List.of(Map.entry("ledger-db", s2.at()), Map.entry("sessions", b2.at()))) {
      DataReport d = datastore(broken, gapAt.getKey());
      assertThat(d.gaps()).as(text).hasSize(1);
      DataReport.Gap gap = d.gaps().get(0);
      assertThat(gap.from()).isEqualTo(from);
      assertThat(gap.to()).isEqualTo(gapAt.getValue());
      assertThat(gap.noBackupFor()).as("no intact backup before it").isNull();
      assertThat(gap.status()).isEqualTo(RevisionStatus.MISSING);
      assertThat(d.summary()).startsWith("prod " + gapAt.getKey() + ": restorable within RPO 1h at every point since "
          + Summary.time(from) + " except " + Summary.time(from) + " → " + Summary.time(gapAt.getValue())
          + " (no backup before it");
      assertThat(text).contains(d.summary());
    }
    assertThat(datastore(broken, "ledger-db").backups()).extracting(c -> c.backup().object())
        .containsExactly(new Ref.RdsSnapshot(s2.arn()));
    assertThat(broken.outcome()).isEqualTo(Verdict.BROKEN);
    assertThat(ExitCode.of(broken.outcome())).isEqualTo(1);
  }
}
