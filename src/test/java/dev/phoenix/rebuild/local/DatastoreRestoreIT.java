package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3Backups;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.ContainerSpec;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.Datastore;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * A postgres datastore restored as at D: the server from its pinned image (built from the installed
 * PostgreSQL 15 by scripts/lib/postgres-image.sh, pushed to a real registry), dumps made by the real
 * pg_dump in a versioned bucket on moto, the real pg_restore, the probe's count.
 */
class DatastoreRestoreIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String CANARY = "canary-row-" + UUID.randomUUID();
  static final Instant T1 = Instant.parse("2026-10-01T02:00:00Z");
  static final Instant T2 = Instant.parse("2026-10-02T02:00:00Z");
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static Docker docker;
  static MotoServer moto;
  static S3Service s3;
  static S3Client raw;
  static String image;
  static String network;
  static String bucket = "ledger-" + RUN;
  static final List<String> containers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    Exec.Result built = Exec.run(Duration.ofMinutes(5), List.of(
        Servers.projectRoot().resolve("scripts/lib/postgres-image.sh").toString(), "ledger/postgres", "v15",
        registry.hostPort()), Map.of()).orThrow();
    image = registry.reference("ledger/postgres", built.lastLine());
    docker = Docker.connect();
    network = "phoenix-dl-" + RUN;
    docker.createNetwork(network, Map.of("phoenix-test", RUN));
    moto = MotoServer.shared();
    AwsConfig config = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    s3 = S3Service.connect(config);
    raw = AwsClients.build(S3Client.builder().forcePathStyle(true), config);
    raw.createBucket(b -> b.bucket(bucket));
    raw.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    seedDumps();
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      docker.containers(Map.of("phoenix-test", RUN)).forEach(c -> containers.add(c.id()));
      containers.stream().distinct().forEach(id -> {
        try {
          docker.removeContainer(id);
        } catch (RuntimeException ignored) {
          // already gone
        }
      });
      docker.network(network).ifPresent(n -> docker.removeNetwork(n.id()));
      docker.close();
    }
    if (s3 != null) {
      s3.close();
      raw.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  /** A source database: 3 rows dumped at t1, 5 at t2 (one row holds the canary). */
  static void seedDumps() throws Exception {
    docker.pullByDigest(image);
    String id = docker.run(new ContainerSpec("phoenix-dl-src-" + RUN, image, Map.of("POSTGRES_PASSWORD", "src-pw"),
        Map.of("phoenix-test", RUN), 5432, network, "source"));
    containers.add(id);
    int port = docker.inspect(id).hostPort().orElseThrow();
    Map<String, String> env = Map.of("PGPASSWORD", "src-pw");
    List<String> psql = List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-X", "-c");
    for (int i = 0; i < 200 && !Exec.run(Duration.ofSeconds(10), with(psql, "select 1"), env).ok(); i++) {
      Thread.sleep(300);
    }
    Exec.run(Duration.ofSeconds(30), with(psql, "create table entries (id int primary key, memo text);"
        + " insert into entries values (1, '" + CANARY + "'), (2, 'b'), (3, 'c')"), env).orThrow();
    upload("t1", dump(port, env), T1);
    Exec.run(Duration.ofSeconds(30), with(psql, "insert into entries values (4, 'd'), (5, 'e')"), env).orThrow();
    upload("t2", dump(port, env), T2);
  }

  static List<String> with(List<String> base, String last) {
    List<String> out = new ArrayList<>(base);
    out.add(last);
    return out;
  }

  static byte[] dump(int port, Map<String, String> env) throws Exception {
    Path file = Files.createTempFile("ledger", ".dump");
    Exec.run(Duration.ofMinutes(2), List.of("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
        "postgres", "-f", file.toString(), "postgres"), env).orThrow();
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    return bytes;
  }

  static String upload(String what, byte[] bytes, Instant taken) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return raw.putObject(b -> b.bucket(bucket).key("ledger-db/ledger.dump").checksumAlgorithm(ChecksumAlgorithm.SHA256)
        .metadata(Map.of(S3Backups.TAKEN_AT, taken.toString(), S3Backups.SHA256, sha)), RequestBody.fromBytes(bytes))
        .versionId();
  }

  static Datastore ledger(String sql, long min) {
    return new Datastore("ledger-db", Datastore.DbEngine.POSTGRES, "ledger-postgres",
        new Datastore.S3Dumps(bucket, "ledger-db/"), Duration.ofHours(24), new Datastore.RestoreProbe(sql, min));
  }

  LocalDatastoreRestore restore(Path work) {
    return new LocalDatastoreRestore(docker, s3.backups(), s3.backups()::open, work, 2);
  }

  String name() {
    return "phoenix-dl-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void aRebuildBetweenTheDumpsRestoresTheEarlierRowsAndPinsWhatItUsed(@TempDir Path work) {
    Instant between = T1.plus(Duration.ofHours(7));
    LocalDatastoreRestore.Restored r = restore(work).restore(ledger("select count(*) from entries", 1), image, between,
        name(), network, Map.of("phoenix-test", RUN));
    containers.add(r.containerId());
    assertThat(r.probeCount()).isEqualTo(3);
    assertThat(r.rpoAchieved()).isEqualTo(Duration.ofHours(7));
    assertThat(r.takenAt()).isEqualTo(T1);
    assertThat(r.backup()).startsWith("s3://" + bucket + "/ledger-db/ledger.dump?versionId=");
    assertThat(r.sha256()).hasSize(64);
    assertThat(r.address().reveal()).startsWith("postgres://postgres:").endsWith("@ledger-db:5432/postgres");
    assertThat(r.toString()).doesNotContain(CANARY).doesNotContain(r.address().reveal());
    assertThat(work).isEmptyDirectory();

    LocalDatastoreRestore.Restored later = restore(work).restore(ledger("select count(*) from entries", 1), image,
        T2.plusSeconds(60), name(), network, Map.of("phoenix-test", RUN));
    containers.add(later.containerId());
    assertThat(later.probeCount()).isEqualTo(5);
  }

  @Test
  void aProbeThatFailsFailsTheRestoreWithAClearReasonAndNoRow(@TempDir Path work) {
    assertThatThrownBy(() -> restore(work).restore(ledger("select count(*) from entries", 100), image, T2,
        name(), network, Map.of("phoenix-test", RUN)))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("datastore ledger-db: the probe (select count(*) from entries) counted 5, below its minimum 100");
    assertThatThrownBy(() -> restore(work).restore(ledger("select memo from entries where id = 1", 1), image, T2,
        name(), network, Map.of("phoenix-test", RUN)))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("datastore ledger-db: the probe (select memo from entries where id = 1) did not return one count")
        .satisfies(e -> assertThat(e.getMessage() + ((PhoenixException) e).fix()).doesNotContain(CANARY));
    assertThatThrownBy(() -> restore(work).restore(ledger("select count(*) from entries", 1), image,
        T1.minusSeconds(1), name(), network, Map.of("phoenix-test", RUN)))
        .hasMessageContaining("no backup in s3://" + bucket + "/ledger-db/ was taken at or before");
  }
}
