package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Backup;
import dev.phoenix.check.MirrorBackups;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.lockfile.MirrorSetup;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.rebuild.aws.AwsDatastoreRestore;
import dev.phoenix.rebuild.aws.DatastoreRestores;
import dev.phoenix.rebuild.aws.RestoredDatastore;
import dev.phoenix.report.Json;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * phoenix mirror of an environment's datastore backups into a second region, on moto serving both
 * regions and two docker-registry processes: S3 dumps (real object versions, one with a recorded
 * SHA-256 and one without) are copied into the mirror bucket with their time and checksum, RDS
 * snapshots by CopyDBSnapshot with the source ARN and SourceRegion, and a DynamoDB backup is named
 * not mirrorable. The ledger records each copy with the backup's time; verify --region checks the
 * copies (a deleted one is MISSING); the rebuild's choice in the region (local dumps, aws RDS) reads
 * the ledger's copies; a second run copies nothing.
 */
class MirrorDatastoresIT {
  static final String MIRROR = "eu-central-1";
  static LocalRegistry primary;
  static LocalRegistry mirror;
  static MotoServer moto;
  static AwsSeed seed;
  static S3Client s3Mirror;
  static RdsClient rds;
  static RdsClient rdsMirror;
  static DynamoDbClient dynamo;
  @TempDir static Path dir;
  static final String ID = UUID.randomUUID().toString().substring(0, 8);
  static final String DUMPS = "dumps-" + ID;
  static final String INSTANCE = "ledger-" + ID;
  static final String TABLE = "sessions-" + ID;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final Instant T1 = NOW.minus(Duration.ofDays(3));
  static final Instant T2 = NOW.minus(Duration.ofDays(1));
  static final String[] DUMP = new String[2];
  static final String[] DUMP_SHA = new String[2];
  static String snapshot1;
  static String snapshot2;
  static String automated;
  static String dynamoBackup;

  @BeforeAll
  static void estate() throws Exception {
    primary = LocalRegistry.start();
    mirror = LocalRegistry.start();
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    AwsConfig mirrorConfig = seed.config.withRegion(MIRROR);
    s3Mirror = AwsClients.build(S3Client.builder().forcePathStyle(true), mirrorConfig);
    rds = AwsClients.build(RdsClient.builder(), seed.config);
    rdsMirror = AwsClients.build(RdsClient.builder(), mirrorConfig);
    dynamo = AwsClients.build(DynamoDbClient.builder(), seed.config);
    seed.bucket(DUMPS, true, false);
    s3Mirror.createBucket(b -> b.bucket(DUMPS + "-euc1").createBucketConfiguration(c -> c.locationConstraint(MIRROR)));
    s3Mirror.putBucketVersioning(b -> b.bucket(DUMPS + "-euc1")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    for (int i = 0; i < 2; i++) { // two versions of one dump key: t1 uploaded with a SHA-256, t2 without any checksum
      byte[] bytes = ("PGDMP dump " + i + " " + "x".repeat(1000 * (i + 1))).getBytes(StandardCharsets.UTF_8);
      DUMP_SHA[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      Instant taken = i == 0 ? T1 : T2;
      final boolean checksum = i == 0;
      DUMP[i] = seed.s3.putObject(b -> {
        b.bucket(DUMPS).key("ledger-db/ledger.dump").metadata(Map.of("phoenix-taken-at", taken.toString()));
        if (checksum) {
          b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
        }
      }, RequestBody.fromBytes(bytes)).versionId();
    }
    rds.createDBInstance(b -> b.dbInstanceIdentifier(INSTANCE).engine("postgres").dbInstanceClass("db.t3.micro")
        .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
        .backupRetentionPeriod(0));
    // moto takes an automated snapshot at creation; moto 5.2.1 cannot copy it across regions (it reads the
    // identifier from the ARN's last ':' part, and an automated one is "rds:…"), so it goes (docs/regions.md)
    automated = rds.describeDBSnapshots(b -> b.dbInstanceIdentifier(INSTANCE).snapshotType("automated"))
        .dbSnapshots().get(0).dbSnapshotIdentifier();
    rds.deleteDBSnapshot(b -> b.dbSnapshotIdentifier(automated));
    snapshot1 = rds.createDBSnapshot(b -> b.dbInstanceIdentifier(INSTANCE).dbSnapshotIdentifier(INSTANCE + "-t1"))
        .dbSnapshot().dbSnapshotArn();
    Thread.sleep(1100); // t2 on a later second than t1 (moto keeps whole seconds): order, not timing, is asserted
    snapshot2 = rds.createDBSnapshot(b -> b.dbInstanceIdentifier(INSTANCE).dbSnapshotIdentifier(INSTANCE + "-t2"))
        .dbSnapshot().dbSnapshotArn();
    dynamo.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
    dynamoBackup = dynamo.createBackup(r -> r.tableName(TABLE).backupName("sessions-t1")).backupDetails().backupArn();

    String image = primary.pushSyntheticImage("ledger/db", "15", new byte[] {1, 2, 3});
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", """
          apiVersion: phoenix/v1
          kind: Stack
          name: svc
          dependsOn: []
          services:
            - {name: app, artefact: app, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}
          datastores:
            - {name: ledger-db, engine: postgres, image: app, backups: {s3: {bucket: %s, prefix: ledger-db/}}, rpo: 72h, probe: {sql: select 1, min: 1}}
            - {name: ledger-rds, engine: postgres, image: app, backups: {rds: {instance: %s}}, rpo: 72h, probe: {sql: select 1, min: 1}}
            - {name: sessions, engine: dynamodb, backups: {dynamodb: {table: %s}}, rpo: 72h, probe: {min: 0}}
          """.formatted(DUMPS, INSTANCE, TABLE));
      git.put("environments/prod/environment.lock.yaml", """
          apiVersion: phoenix/v1
          kind: EnvironmentLock
          environment: prod
          stacks: [svc]
          artefacts:
            app:
              type: container-image
              version: 1.0.0-1-abcdef0
              image: %s/ledger/db@%s
              source: {repository: https://git.example.com/x, commit: abcdef012345}
          """.formatted(primary.hostPort(), image));
      git.put("environments/prod/regions.yaml", """
          apiVersion: phoenix/v1
          kind: Regions
          primary: us-east-1
          mirrors:
            eu-central-1:
              registries: {"%s": "%s"}
              buckets: {%s: %s-euc1}
          """.formatted(primary.hostPort(), mirror.hostPort(), DUMPS, DUMPS));
      git.commit(NOW.minus(Duration.ofDays(10)), "prod with three datastores");
      git.checkout();
    }
  }

  @AfterAll
  static void stop() {
    s3Mirror.close();
    rds.close();
    rdsMirror.close();
    dynamo.close();
    seed.close();
    moto.close();
    mirror.close();
    primary.close();
  }

  static RepoRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--aws-endpoint", moto.endpoint().toString()));
    return RepoRun.in(dir, all.toArray(String[]::new));
  }

  static RepoRun mirrorCli(String... args) {
    List<String> all = new ArrayList<>(List.of("mirror", "--env", "prod", "--to", MIRROR, "--since", "30d",
        "--aws-region", MotoServer.REGION));
    all.addAll(List.of(args));
    return cli(all.toArray(String[]::new));
  }

  static MirrorLedger ledger() throws Exception {
    var parsed = dev.phoenix.lockfile.LedgerReader.read("L", Files.readAllBytes(dir.resolve("environments/prod/mirrors.ledger")));
    assertThat(parsed.problems()).isEmpty();
    return parsed.value();
  }

  static String dumpId(int i) {
    return "s3://" + DUMPS + "/ledger-db/ledger.dump?versionId=" + DUMP[i];
  }

  static AwsConfig aws() {
    return AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
  }

  @Test
  void dumpsAndSnapshotsAreCopiedWithTheirTimeDynamoDbBackupsAreNamedAndTheRegionReadsTheCopies() throws Exception {
    // a plain verify: backups only in the primary region leave their datastores AT_RISK (--strict fails)
    RepoRun before = cli("verify", "--env", "prod", "--from", T1.toString(), "--strict");
    assertThat(before.code()).as(before.out()).isEqualTo(1);
    assertThat(before.out().lines().filter(l -> l.contains("backups only in the primary region")).count())
        .as(before.out()).isEqualTo(2); // the dumps and the RDS snapshots, 2 each

    RepoRun dry = mirrorCli();
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    assertThat(dry.out())
        .contains("would copy " + dumpId(0) + " -> s3://" + DUMPS + "-euc1/ledger-db/ledger.dump")
        .contains("would copy " + dumpId(1))
        .contains("would copy " + snapshot1 + " -> a copy of " + INSTANCE + "-t1 in eu-central-1")
        .contains("would copy " + snapshot2)
        .contains("! " + dynamoBackup + ": not mirrorable: DynamoDB has no API that copies an on-demand backup")
        .contains("1 backup(s) not mirrorable (!)");

    RepoRun run = mirrorCli("--yes", "--output", "json");
    assertThat(run.code()).as(run.err() + run.out()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("counts").path("copied").asInt()).as(run.out()).isEqualTo(5); // image, 2 dumps, 2 snapshots
    assertThat(json.path("counts").path("not_mirrorable").asInt()).isEqualTo(1);

    MirrorLedger ledger = ledger();
    for (int i = 0; i < 2; i++) {
      MirrorLedger.Entry e = ledger.find(MIRROR, dumpId(i)).orElseThrow();
      assertThat(e.kind()).isEqualTo(MirrorLedger.Kind.DUMP);
      assertThat(e.checksum()).isEqualTo("sha256:" + DUMP_SHA[i]);
      assertThat(e.taken()).contains(i == 0 ? T1 : T2);
      assertThat(e.attribute(MirrorLedger.OF)).contains("s3://" + DUMPS + "/ledger-db/");
      String version = e.copy().substring(e.copy().indexOf("versionId=") + 10);
      var head = s3Mirror.headObject(b -> b.bucket(DUMPS + "-euc1").key("ledger-db/ledger.dump").versionId(version));
      assertThat(head.metadata()).containsEntry("phoenix-taken-at", (i == 0 ? T1 : T2).toString())
          .containsEntry("phoenix-sha256", DUMP_SHA[i]);
    }
    for (String source : List.of(snapshot1, snapshot2)) {
      MirrorLedger.Entry e = ledger.find(MIRROR, source).orElseThrow();
      assertThat(e.kind()).isEqualTo(MirrorLedger.Kind.RDS);
      assertThat(e.copy()).startsWith("arn:aws:rds:eu-central-1:");
      assertThat(e.attribute(MirrorLedger.OF)).contains("rds:" + INSTANCE);
      var copy = rdsMirror.describeDBSnapshots(b -> b.dbSnapshotIdentifier(new Ref.RdsSnapshot(e.copy()).snapshotId()))
          .dbSnapshots().get(0);
      assertThat(copy.tagList()).anySatisfy(t -> assertThat(t.key() + "=" + t.value())
          .isEqualTo("phoenix:copy-of=" + source));
      assertThat(copy.dbInstanceIdentifier()).isEqualTo(INSTANCE);
    }
    assertThat(ledger.entries()).noneMatch(e -> e.source().equals(dynamoBackup));
    RepoRun validate = RepoRun.in(dir, "validate"); // the ledger's dump and rds lines pass validate
    assertThat(validate.code()).as(validate.out() + validate.err()).isZero();

    RepoRun again = mirrorCli("--yes");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("nothing to copy: all 5 references are mirrored in eu-central-1")
        .contains("1 backup(s) not mirrorable (!)");
    assertThat(ledger().entries()).hasSize(ledger.entries().size());

    // protect --region marks the backup copies in the mirror region (the window's backups as the primary lists them)
    RepoRun protect = cli("protect", "--env", "prod", "--since", "30d", "--region", MIRROR, "--yes",
        "--aws-region", MotoServer.REGION);
    assertThat(protect.code()).as(protect.err() + protect.out()).isZero();
    for (int i = 0; i < 2; i++) {
      String copy = ledger.find(MIRROR, dumpId(i)).orElseThrow().copy();
      String version = copy.substring(copy.indexOf("versionId=") + 10);
      assertThat(s3Mirror.getObjectTagging(b -> b.bucket(DUMPS + "-euc1").key("ledger-db/ledger.dump").versionId(version))
          .tagSet()).as(protect.out()).anySatisfy(t -> assertThat(t.key()).isEqualTo("phoenix-keep-prod"));
    }
    for (String source : List.of(snapshot1, snapshot2)) {
      String copy = ledger.find(MIRROR, source).orElseThrow().copy();
      assertThat(rdsMirror.listTagsForResource(b -> b.resourceName(copy)).tagList()).as(protect.out())
          .anySatisfy(t -> assertThat(t.key()).isEqualTo("phoenix-keep-prod"));
    }

    // a plain verify once mirrored: only the DynamoDB datastore is still at risk (its backups cannot be copied)
    RepoRun after = cli("verify", "--env", "prod", "--from", T1.toString());
    assertThat(after.out().lines().filter(l -> l.startsWith("prod ") && l.contains("only in the primary region")).toList())
        .as(after.out()).singleElement().asString().startsWith("prod sessions: ")
        .contains("AT_RISK: 1 backup only in the primary region us-east-1: a DynamoDB backup cannot be copied");

    // verify --region: the copies, checked in the mirror region; DynamoDB says why it has nothing there
    RepoRun verify = cli("verify", "--env", "prod", "--from", T1.toString(), "--region", MIRROR, "--output", "json");
    JsonNode v = Json.mapper().readTree(verify.out());
    JsonNode data = v.path("environments").get(0).path("datastores");
    assertThat(verify.code()).as(verify.out()).isEqualTo(1);
    assertThat(text(data, "ledger-db")).startsWith("prod ledger-db in eu-central-1: restorable within RPO 72h at every point since");
    assertThat(text(data, "ledger-db")).doesNotContain("except");
    assertThat(text(data, "sessions")).contains(MirrorBackups.NOT_MIRRORABLE);
    assertThat(verify.out()).contains(DUMPS + "-euc1/ledger-db/ledger.dump").doesNotContain(dumpId(0));

    // the rebuild's choice in the region: the ledger's copies, read from the mirror's stores only
    MirrorCopies copies = MirrorSetup.read(dir, "prod").copies(MIRROR);
    try (Stores stores = Stores.open(StoreSettings.of(aws(), Set.of()))) {
      Stores region = stores.region(MIRROR);
      MirrorBackups dumps = new MirrorBackups(copies, region.backups());
      Backup chosen = Backup.at(dumps.list(new Datastore.S3Dumps(DUMPS, "ledger-db/")), T1.plus(Duration.ofHours(1)))
          .orElseThrow();
      assertThat(chosen.takenAt()).isEqualTo(T1);
      assertThat(chosen.dump().bucket()).isEqualTo(DUMPS + "-euc1");
      try (InputStream in = region.s3Dumps().open(chosen.dump())) {
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
            .isEqualTo(DUMP_SHA[0]);
      }
      Instant t2 = ledger.find(MIRROR, snapshot2).flatMap(MirrorLedger.Entry::taken).orElseThrow();
      DatastoreRestores restores = new DatastoreRestores(r -> region.rds(), r -> region.dynamodb()).inMirror(copies);
      List<RestoredDatastore> restored = restores.resolve(List.of(AwsDatastoreRestore.rds("ledger-rds", "svc", INSTANCE,
          MIRROR, "postgres", "db.t3.micro", 5432)), t2, NOW, "phx", "d1", false);
      assertThat(restored.get(0).pinned()).isEqualTo(ledger.find(MIRROR, snapshot2).orElseThrow().copy());
      assertThat(restored.get(0).rpo()).isZero();
      assertThatThrownBy(() -> restores.resolve(List.of(AwsDatastoreRestore.dynamo("sessions", "svc", TABLE, MIRROR)),
          NOW, NOW, "phx", "d1", false)).hasMessageContaining("in eu-central-1 (copies the ledger records)")
          .hasMessageContaining(MirrorBackups.NOT_MIRRORABLE);
    }

    // a copy deleted in the mirror: MISSING there, found by verify --region alone
    String lost = ledger.find(MIRROR, dumpId(1)).orElseThrow().copy();
    s3Mirror.deleteObject(b -> b.bucket(DUMPS + "-euc1").key("ledger-db/ledger.dump")
        .versionId(lost.substring(lost.indexOf("versionId=") + 10)));
    RepoRun broken = cli("verify", "--env", "prod", "--from", T1.toString(), "--region", MIRROR, "--output", "json");
    JsonNode b = Json.mapper().readTree(broken.out()).path("environments").get(0).path("datastores");
    assertThat(text(b, "ledger-db")).as(broken.out()).contains("except");
    assertThat(broken.out()).contains("MISSING");
  }

  static String text(JsonNode data, String datastore) {
    for (JsonNode d : data) {
      if (d.path("datastore").asText().equals(datastore)) {
        return d.path("summary").asText();
      }
    }
    throw new AssertionError("no datastore " + datastore + " in " + data);
  }
}
