package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.git.GitRepository;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.ReportFormat;
import dev.phoenix.verify.report.TextReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** verify of a datastore's dumps in a versioned bucket on moto: within the RPO, or the gap named. */
class VerifyDataIT extends OnMoto {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String CANARY = "canary-row-" + UUID.randomUUID();

  static Instant daysAgo(int d) {
    return NOW.minus(Duration.ofDays(d));
  }

  private String dump(String bucket, Instant taken, String body, String recordedBody) {
    return aws.s3.putObject(b -> b.bucket(bucket).key("ledger-db/ledger.dump").checksumAlgorithm(ChecksumAlgorithm.SHA256)
        .metadata(Map.of("phoenix-taken-at", taken.toString(), "phoenix-sha256", AwsStores.sha256(recordedBody))),
        RequestBody.fromString(body)).versionId();
  }

  private VerifyResult verify(boolean deep) throws Exception {
    return verify(deep, List.of("prod"), false);
  }

  private VerifyResult verify(boolean deep, List<String> envs, boolean all) throws Exception {
    VerifyRequest request = new VerifyRequest(envs, all, VerifyWindow.since(Duration.ofDays(8), NOW, "8d"),
        deep, 8, Duration.ofMinutes(2), Set.of(), false);
    AwsConfig config = config();
    try (GitRepository repo = GitRepository.open(dir); Stores stores = Stores.open(
        StoreSettings.of(config, request.concurrency(), request.insecureRegistries()))) {
      return new Verifier(repo, stores.checkers(), ProgressListener.NONE, Clock.systemUTC(), ProtectionProbe.NONE,
          stores.backups()).verify(request);
    }
  }

  @Test
  void deletedDumpsOpenAGapAChangedDumpIsCorruptAndNoRowIsPrinted() throws Exception {
    String bucket = "ledger-backups-" + UUID.randomUUID().toString().substring(0, 8);
    aws.versionedBucket(bucket);
    for (int d : new int[] {9, 8, 7, 6, 5, 3, 2, 1}) {
      String version = dump(bucket, daysAgo(d), "PGDMP " + CANARY + " day " + d, "PGDMP " + CANARY + " day " + d);
      if (d == 7 || d == 6) {
        aws.s3.deleteObject(b -> b.bucket(bucket).key("ledger-db/ledger.dump").versionId(version));
      }
    }
    String changed = dump(bucket, daysAgo(4), "PGDMP changed bytes", "PGDMP " + CANARY + " day 4");
    String image = "localhost:1/ledger/postgres@sha256:" + "a".repeat(64);
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack() + "datastores:\n  - name: ledger-db\n    engine: postgres\n"
        + "    image: app\n    backups: {s3: {bucket: " + bucket + ", prefix: ledger-db/}}\n    rpo: 36h\n"
        + "    probe: {sql: \"select count(*) from entries\", min: 1}\n");
    git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod", Map.of("app", image), "", ""));
    git.commit(daysAgo(20), "ledger with its datastore");
    git.close();

    for (boolean deep : new boolean[] {false, true}) {
      VerifyResult result = verify(deep);
      DataReport ledger = result.environments().get(0).data().get(0);
      String text = TextReport.render(result);
      assertThat(ledger.gaps()).as(text).hasSize(2);
      assertThat(ledger.gaps().get(0).noBackupFor()).isEqualTo(Duration.ofHours(72));
      assertThat(ledger.gaps().get(0).status()).isEqualTo(RevisionStatus.MISSING);
      assertThat(ledger.gaps().get(1).status()).isEqualTo(RevisionStatus.CORRUPT);
      assertThat(ledger.summary()).isEqualTo("prod ledger-db: restorable within RPO 36h at every point since "
          + Summary.time(daysAgo(8)) + " except " + Summary.time(daysAgo(8).plus(Duration.ofHours(36))) + " → "
          + Summary.time(daysAgo(5)) + " (no backup for 72 h); " + Summary.time(daysAgo(5).plus(Duration.ofHours(36)))
          + " → " + Summary.time(daysAgo(3)) + " (no backup for 48 h; s3://" + bucket
          + "/ledger-db/ledger.dump?versionId=" + changed + " CORRUPT)");
      assertThat(text).contains(ledger.summary());
      assertThat(result.outcome()).isEqualTo(Verdict.BROKEN);
      String everything = text + ReportFormat.JSON.render(result) + ReportFormat.JUNIT.render(result)
          + ReportFormat.MARKDOWN.render(result);
      assertThat(everything).contains("datastore ledger-db").doesNotContain(CANARY);
      if (deep) {
        assertThat(everything).contains("SHA-256 of its 19 bytes");
      }
    }
  }

  /**
   * The blueprints are shared: with every environment (and a second datastore) on one place, the
   * bucket is listed once and each dump fetched once under --deep, and every environment's report
   * is the one it gets alone. Counted in moto's request log.
   */
  @Test
  void aPlaceSharedByEnvironmentsAndDatastoresIsAskedOnceInARun() throws Exception {
    String bucket = "shared-backups-" + UUID.randomUUID().toString().substring(0, 8);
    aws.versionedBucket(bucket);
    List<String> versions = new java.util.ArrayList<>();
    for (int d : new int[] {9, 8, 7, 6, 5, 4, 3, 2, 1}) {
      versions.add(dump(bucket, daysAgo(d), "PGDMP day " + d, d == 3 ? "PGDMP other" : "PGDMP day " + d));
    }
    String image = "localhost:1/ledger/postgres@sha256:" + "a".repeat(64);
    GitFixture git = GitFixture.init(dir);
    String store = "    engine: postgres\n    image: app\n    backups: {s3: {bucket: " + bucket
        + ", prefix: ledger-db/}}\n    rpo: 36h\n    probe: {sql: \"select 1\", min: 1}\n";
    git.put("stacks/svc.yaml", Lockfiles.stack() + "datastores:\n  - name: ledger-db\n" + store
        + "  - name: ledger-replica\n" + store);
    for (String env : List.of("dev", "prod", "staging")) {
      git.put("environments/" + env + "/environment.lock.yaml", Lockfiles.lockfile(env, Map.of("app", image), "", ""));
    }
    git.commit(daysAgo(20), "three environments on one blueprint");
    git.close();

    int mark = moto.log().size();
    VerifyResult all = verify(true, List.of(), true);
    List<String> log = moto.log();
    List<String> asked = log.subList(mark, log.size()).stream().filter(l -> l.contains(bucket)).toList();
    assertThat(asked.stream().filter(l -> l.contains("versions")).count()).as("listings of the bucket").isEqualTo(1);
    for (String version : versions) {
      assertThat(asked.stream().filter(l -> l.contains("GET ") && l.contains("versionId=" + version)).count())
          .as("fetches of version %s", version).isEqualTo(1);
    }
    assertThat(all.environments()).hasSize(3);
    for (EnvReport env : all.environments()) {
      assertThat(env.data()).hasSize(2);
      VerifyResult alone = verify(true, List.of(env.environment()), false);
      assertThat(env.data()).isEqualTo(alone.environments().get(0).data());
      assertThat(env.data().get(0).gaps()).as(env.data().get(0).summary()).isNotEmpty()
          .allMatch(g -> g.status() == RevisionStatus.CORRUPT);
    }
  }
}
