package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3Backups;
import dev.phoenix.docker.ContainerSpec;
import dev.phoenix.docker.Docker;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.Servers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code phoenix rebuild --target local} of an estate with a postgres datastore, end to end: the
 * server image built from the installed PostgreSQL 15 (scripts/lib/postgres-image.sh) in a real
 * registry, dumps made by the real pg_dump at t1 (3 rows, one holding a canary) and t2 (5 rows) in a
 * versioned bucket on moto, the real pg_restore; then {@code phoenix teardown}. The image is built
 * (or taken from the daemon's cache) and the dumps made once for the class.
 */
class RebuildDataIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String CANARY = "canary-row-" + UUID.randomUUID();
  static final Instant T1 = Instant.parse("2026-10-01T02:00:00Z");
  static final Instant T2 = Instant.parse("2026-10-02T02:00:00Z");
  static final String BUCKET = "dumps-" + RUN;
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static MotoServer moto;
  static S3Client s3;
  static String pgImage;
  static String webImage;
  static String v1;
  static String sha1;
  static byte[] dumpT1;

  @BeforeAll
  static void start() throws Exception {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
    Exec.Result built = Exec.run(Duration.ofMinutes(5), List.of(
        Servers.projectRoot().resolve("scripts/lib/postgres-image.sh").toString(), "data/postgres", "v15",
        registry.hostPort()), Map.of()).orThrow();
    pgImage = registry.reference("data/postgres", built.lastLine());
    webImage = registry.reference("data/web", registry.pushImage("data/web", "v1"));
    s3 = AwsClients.build(S3Client.builder().forcePathStyle(true), AwsConfig.forEndpoint(moto.endpoint(),
        MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status("Enabled")));
    seedDumps();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {s3, registry, daemon}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  /** A source database dumped with the real pg_dump: 3 rows at t1 (one the canary), 5 at t2. */
  static void seedDumps() throws Exception {
    try (Docker docker = Docker.connect()) {
      docker.pullByDigest(pgImage);
      String network = "phoenix-rd-" + RUN;
      docker.createNetwork(network, Map.of("phoenix-test", RUN));
      String id = docker.run(new ContainerSpec("phoenix-rd-src-" + RUN, pgImage, Map.of("POSTGRES_PASSWORD", "src-pw"),
          Map.of("phoenix-test", RUN), 5432, network, "source"));
      try {
        int port = docker.inspect(id).hostPort().orElseThrow();
        Map<String, String> env = Map.of("PGPASSWORD", "src-pw");
        List<String> psql = List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-X", "-c");
        for (int i = 0; i < 200 && !Exec.run(Duration.ofSeconds(10), DatastoreRestoreIT.with(psql, "select 1"), env).ok(); i++) {
          Thread.sleep(300);
        }
        Exec.run(Duration.ofSeconds(30), DatastoreRestoreIT.with(psql, "create table entries (id int primary key, memo text);"
            + " insert into entries values (1, '" + CANARY + "'), (2, 'b'), (3, 'c')"), env).orThrow();
        dumpT1 = DatastoreRestoreIT.dump(port, env);
        sha1 = sha256(dumpT1);
        v1 = upload("ledger-db/ledger.dump", dumpT1, T1, sha1);
        Exec.run(Duration.ofSeconds(30), DatastoreRestoreIT.with(psql, "insert into entries values (4, 'd'), (5, 'e')"),
            env).orThrow();
        byte[] t2 = DatastoreRestoreIT.dump(port, env);
        upload("ledger-db/ledger.dump", t2, T2, sha256(t2));
      } finally {
        docker.removeContainer(id);
        docker.network(network).ifPresent(n -> docker.removeNetwork(n.id()));
      }
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static String upload(String key, byte[] bytes, Instant taken, String recordedSha) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of(S3Backups.TAKEN_AT, taken.toString(),
        S3Backups.SHA256, recordedSha)), RequestBody.fromBytes(bytes)).versionId();
  }

  /** A repository whose environment {@code env} has a web service reaching datastore ledger-db (dumps under {@code prefix}). */
  static Path repo(Path tmp, String env, String prefix, long min) {
    Path repo = tmp.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/" + env + "/environment.lock.yaml", "apiVersion: phoenix/v1\nkind: EnvironmentLock\n"
              + "environment: " + env + "\nstacks: [ledger]\nartefacts:\n"
              + "  web:\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + webImage + "\n"
              + "    source: {repository: https://git.example.com/web, commit: abcdef0}\n"
              + "  ledger-postgres:\n    type: container-image\n    version: 15.0.0-1-abcdef0\n    image: " + pgImage + "\n"
              + "    source: {repository: https://git.example.com/postgres, commit: abcdef0}\n"
              + "config:\n  web:\n    ECHO_VARS: {value: DATABASE_URL}\n    DATABASE_URL: {datastore: ledger-db}\n")
          .put("stacks/ledger.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: ledger\ndependsOn: []\n"
              + "datastores:\n  - name: ledger-db\n    engine: postgres\n    image: ledger-postgres\n"
              + "    backups: {s3: {bucket: " + BUCKET + ", prefix: " + prefix + "}}\n    rpo: 24h\n"
              + "    probe: {sql: \"select count(*) from entries\", min: " + min + "}\n"
              + "services:\n"
              + "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: web}\n");
      git.commit(Instant.parse("2026-09-30T10:00:00Z"), "pin " + env);
      git.checkout();
    }
    return repo;
  }

  static RebuildLocalIT.Result rebuild(Path tmp, Path repo, String env, String at) {
    return RebuildLocalIT.run("rebuild", "--repo", repo.toString(), "--env", env, "--at", at, "--target", "local",
        "--insecure-registry", registry.hostPort(), "--aws-endpoint", moto.endpoint().toString(), "--region",
        MotoServer.REGION, "--out", tmp.resolve("out").toString(), "--drills", tmp.resolve("drills").toString());
  }

  /** stdout, stderr, every file under {@code tmp} but the repository's .git, and the containers' logs. */
  static String everything(Path tmp, String env, RebuildLocalIT.Result... results) throws Exception {
    StringBuilder all = new StringBuilder();
    for (RebuildLocalIT.Result r : results) {
      all.append(r.all());
    }
    for (Path f : RebuildLocalIT.files(tmp)) {
      if (!f.toString().contains("/.git/")) {
        all.append(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    for (String id : daemon.docker("ps", "-a", "-q", "--filter", "label=phoenix.env=" + env).orThrow().stdout()
        .strip().split("\\s+")) {
      if (!id.isBlank()) {
        Exec.Result logs = daemon.docker("logs", id);
        all.append(logs.stdout()).append(logs.stderr());
      }
    }
    return all.toString();
  }

  static DrillRecord onlyRecord(Path tmp, String env) {
    List<DrillRecord> records = new DrillRecords(tmp.resolve("drills")).list(env).records();
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @Test
  void aRebuildBetweenTheDumpsRestoresTheEarlierRowsStartsTheServiceOnItAndRecordsTheRpo(@TempDir Path tmp)
      throws Exception {
    String env = "data" + RUN;
    Path repo = repo(tmp, env, "ledger-db/", 1);
    try {
      RebuildLocalIT.Result r = rebuild(tmp, repo, env, "2026-10-01T09:00:00Z");
      System.out.println(r.all()); // for the failsafe report: the canary check below covers it
      assertThat(r.code()).as(r.all()).isZero();
      String backup = "s3://" + BUCKET + "/ledger-db/ledger.dump?versionId=" + v1;
      assertThat(r.err()).contains("local: datastore ledger-db restored from " + backup + " (sha256 " + sha1
          + " checked), taken 2026-10-01T02:00:00Z, RPO achieved 7h; restore ").contains("probe counted 3")
          .contains("local: web healthy").contains("recovery time");
      assertThat(r.out()).contains("  datastore ledger-db: restored " + backup + " sha256 " + sha1
          + ", taken 2026-10-01T02:00:00Z, RPO achieved 7h, restore ").contains(", probe count 3");

      DrillRecord record = onlyRecord(tmp, env);
      assertThat(record.outcome()).isEqualTo("succeeded");
      assertThat(record.data()).singleElement().satisfies(d -> {
        assertThat(d.datastore()).isEqualTo("ledger-db");
        assertThat(d.engine()).isEqualTo("postgres");
        assertThat(d.backup()).isEqualTo(backup);
        assertThat(d.sha256()).isEqualTo(sha1);
        assertThat(d.takenAt()).isEqualTo("2026-10-01T02:00:00Z");
        assertThat(d.rpoAchievedMillis()).isEqualTo(Duration.ofHours(7).toMillis());
        assertThat(d.rpoAchieved()).isEqualTo("7h");
        assertThat(d.probeCount()).isEqualTo(3L);
        assertThat(d.restoreMillis()).isPositive();
        assertThat(d.status()).isEqualTo("restored");
      });
      RebuildLocalIT.Result listed = RebuildLocalIT.run("drills", "--env", env, "--drills", tmp.resolve("drills").toString());
      assertThat(listed.out()).contains("succeeded").contains("RPO ledger-db 7h");
      assertThat(record.started()).anySatisfy(s -> assertThat(s).startsWith("container " + Labels.datastore(env, "ledger-db")
          + " started (datastore ledger-db)"));

      // the service was given the restored server's address, not a literal
      String web = Labels.container(env, "web", 1);
      String served = daemon.docker("exec", web, "wget", "-q", "-O", "-", "http://127.0.0.1:8080/cgi-bin/env")
          .orThrow().stdout();
      assertThat(served).containsPattern("DATABASE_URL=postgres://postgres:[0-9a-f]{36}@ledger-db:5432/postgres");
      String password = served.replaceAll("(?s).*DATABASE_URL=postgres://postgres:([0-9a-f]{36})@.*", "$1");
      // the restored rows are t1's, counted through the server the drill left running
      String db = Labels.datastore(env, "ledger-db");
      String port = daemon.docker("port", db, "5432").orThrow().stdout().strip().replaceAll(".*:", "");
      Exec.Result count = Exec.run(Duration.ofSeconds(30), List.of("psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres",
          "-X", "-t", "-A", "-c", "select count(*) from entries"), Map.of("PGPASSWORD", password)).orThrow();
      assertThat(count.stdout().strip()).isEqualTo("3");

      // drift: web's DATABASE_URL is {datastore: ledger-db}, not comparable by value (a fresh password
      // each drill) and left out of the config hash on both sides: the drill's service MATCHes
      RebuildLocalIT.Result drift = RebuildLocalIT.run("drift", "--env", env, "--target", "local", "--repo",
          repo.toString());
      assertThat(drift.code()).as(drift.all()).isZero();
      assertThat(drift.out()).contains("MATCH       service web: " + webImage).contains("1 MATCH");

      String all = everything(tmp, env, r, listed, drift);
      assertThat(all).contains(env).doesNotContain(CANARY).doesNotContain(password);

      RebuildLocalIT.Result down = RebuildLocalIT.run("teardown", "--env", env, "--target", "local");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(down.out()).contains("removed 2 container(s)");
      assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=phoenix.env=" + env).orThrow().stdout()).isBlank();
    } finally {
      RebuildLocalIT.run("teardown", "--env", env, "--target", "local");
    }
  }

  @Test
  void aDumpWhoseBytesChangedFailsTheDrillNamingTheBackupAndNoServiceStarts(@TempDir Path tmp) throws Exception {
    String env = "datac" + RUN;
    byte[] changed = dumpT1.clone();
    changed[changed.length / 2] ^= 0x5a;
    String version = upload("changed/ledger.dump", changed, T1, sha1); // recorded sha256: the bytes as written
    Path repo = repo(tmp, env, "changed/", 1);
    try {
      RebuildLocalIT.Result r = rebuild(tmp, repo, env, "2026-10-03");
      assertThat(r.code()).as(r.all()).isEqualTo(1);
      String backup = "s3://" + BUCKET + "/changed/ledger.dump?versionId=" + version;
      assertThat(r.out()).contains("failed").contains("reason: ").contains("datastore ledger-db: the dump " + backup
          + " is CORRUPT: its bytes hash to " + sha256(changed) + ", its recorded sha256 is " + sha1)
          .contains("restore from another dump (rebuild at an earlier date)");
      assertThat(r.err()).contains("local: datastore ledger-db FAILED:").contains("local: web not started");
      DrillRecord record = onlyRecord(tmp, env);
      assertThat(record.outcome()).isEqualTo("failed");
      assertThat(record.data()).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo("failed");
        assertThat(d.backup()).isEqualTo(backup);
        assertThat(d.probeCount()).isNull();
        assertThat(d.reason()).contains("CORRUPT");
      });
      assertThat(daemon.docker("ps", "-a", "-q", "--filter", "name=" + Labels.container(env, "web", 1)).orThrow()
          .stdout()).isBlank();
      assertThat(Files.exists(tmp.resolve("out").resolve(env).resolve("local").resolve("datastores"))
          ? RebuildLocalIT.files(tmp.resolve("out").resolve(env).resolve("local").resolve("datastores")) : List.of())
          .as("the fetched dump is deleted").isEmpty();
      assertThat(everything(tmp, env, r)).doesNotContain(CANARY);
    } finally {
      RebuildLocalIT.Result down = RebuildLocalIT.run("teardown", "--env", env, "--target", "local");
      assertThat(down.out()).as("the datastore container is torn down too").contains("removed 1 container(s)");
    }
  }

  @Test
  void aProbeBelowItsMinimumFailsTheDrillWithTheCountAndNoRow(@TempDir Path tmp) throws Exception {
    String env = "datap" + RUN;
    Path repo = repo(tmp, env, "ledger-db/", 100);
    try {
      RebuildLocalIT.Result r = rebuild(tmp, repo, env, "2026-10-03");
      assertThat(r.code()).as(r.all()).isEqualTo(1);
      assertThat(r.out()).contains("datastore ledger-db: the probe (select count(*) from entries) counted 5, below its"
          + " minimum 100; backup s3://" + BUCKET + "/ledger-db/ledger.dump?versionId=")
          .contains("taken 2026-10-02T02:00:00Z").contains("the restored data is not usable");
      DrillRecord record = onlyRecord(tmp, env);
      assertThat(record.data()).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo("failed");
        assertThat(d.takenAt()).isEqualTo("2026-10-02T02:00:00Z");
        assertThat(d.rpoAchieved()).isEqualTo("1d 21h 59m 59s");
      });
      assertThat(everything(tmp, env, r)).doesNotContain(CANARY);
    } finally {
      RebuildLocalIT.run("teardown", "--env", env, "--target", "local");
    }
  }
}
