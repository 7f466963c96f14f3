package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.rebuild.TargetSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalTargetTest {
  static TargetSettings settings(Map<String, String> flags) {
    return TargetSettings.empty("environments/prod/targets.yaml").withFlags(flags);
  }

  @Test
  void optionsComeFromSettingsWithDefaults() {
    assertThat(LocalTarget.options(settings(Map.of()))).isEqualTo(DrillOptions.DEFAULT);
    DrillOptions o = LocalTarget.options(settings(Map.of("parallelism", "3", "healthTimeout", "5", "logLines", "7")));
    assertThat(o).isEqualTo(new DrillOptions(Duration.ofSeconds(5), 3, 7));
  }

  @Test
  void refusesUnknownAndOutOfRangeOptionsWithEveryProblem() {
    LocalTarget target = new LocalTarget(s -> {
      throw new AssertionError("must not connect");
    });
    target.validate(settings(Map.of("region", "eu-west-2", "endpoint", "http://127.0.0.1:1")), "prod", false);
    assertThatThrownBy(() -> target.validate(settings(Map.of("parallelism", "0", "logLines", "x", "cpu", "2",
            "dockerTimeout", "0")), "prod", true))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("parallelism: must be 1..64").hasMessageContaining("logLines: not a whole number")
        .hasMessageContaining("cpu: unknown setting").hasMessageContaining("dockerTimeout: must be 1..3600, was 0");
    assertThatThrownBy(() -> target.validate(settings(Map.of("restoreJobs", "0")), "prod", true))
        .hasMessageContaining("restoreJobs: must be 1..64, was 0");
    assertThat(LocalTarget.restoreJobs(settings(Map.of("restoreJobs", "8")))).isEqualTo(8);
    assertThat(LocalTarget.restoreJobs(settings(Map.of()))).isBetween(1, 4);
    assertThat(LocalTarget.dockerTimeout(settings(Map.of("dockerTimeout", "7")))).isEqualTo(Duration.ofSeconds(7));
    assertThat(LocalTarget.dockerTimeout(settings(Map.of()))).isEqualTo(dev.phoenix.docker.Docker.DEFAULT_CALL_TIMEOUT);
    assertThat(target.name()).isEqualTo("local");
  }

  @Test
  void functionsAreCheckedBySha256AndNeverRun() {
    var plan = new DrillPlan.FunctionPlan("jobs", new dev.phoenix.model.Stack.Function("report", "report", "h", "java17", 256, null),
        new S3ObjectVersion("b", "k.zip", "v1", "a".repeat(64)));
    assertThat(FunctionCheck.check(plan, v -> "a".repeat(64)).status()).isEqualTo("available, not executed");
    FunctionResult bad = FunctionCheck.check(plan, v -> "b".repeat(64));
    assertThat(bad.ok()).isFalse();
    assertThat(bad.failure()).contains("differs from the locked");
    FunctionResult gone = FunctionCheck.check(plan, v -> {
      throw new PhoenixException(PhoenixException.Kind.INPUT, "NoSuchVersion", null);
    });
    assertThat(gone.failure()).contains("NoSuchVersion");
    assertThatThrownBy(() -> FunctionCheck.check(plan, PackageFetcher.none())).isInstanceOf(PhoenixException.class);
  }

  @Test
  void linesShowTimingsFailuresAndMaskedLogs() {
    ServiceResult ok = new ServiceResult("s", "api", "r", 2, 1, ServiceResult.HEALTHY, "http GET /healthz", 100, 200, 300,
        1500, List.of("phoenix-prod-api-1", "phoenix-prod-api-2"), null, List.of());
    ServiceResult bad = new ServiceResult("s", "db", "r", 1, 0, ServiceResult.FAILED, "http GET /healthz", 100, 200, 3000,
        3500, List.of("phoenix-prod-db-1"), "did not pass", List.of("boom ***"));
    DrillOutcome o = new DrillOutcome("prod", "c", "d1", "phoenix-prod", List.of(ok, bad), List.of(), 3600, null);
    assertThat(o.ok()).isFalse();
    assertThat(DrillLines.service(ok)).isEqualTo(
        "api x2 healthy (pull 0.1 s, start 0.2 s, healthy after 0.3 s, ready at 1.5 s, 1 reused; http GET /healthz)");
    assertThat(DrillLines.progress(o)).contains("local:   | boom ***")
        .last().asString().contains("drill FAILED, recovery time 3.6 s");
  }

  @Test
  void aDatastoreIsRecordedWithItsBackupAndTheRpoAchievedAlsoWhenItsRestoreFailed() {
    java.time.Instant taken = java.time.Instant.parse("2026-10-01T02:00:00Z");
    java.time.Instant at = java.time.Instant.parse("2026-10-01T09:30:00Z");
    var backup = new dev.phoenix.check.Backup(new dev.phoenix.check.Ref.S3Object("b", "db/x.dump", "v1", "c".repeat(64)),
        taken, "metadata phoenix-taken-at", 10);
    var restored = new LocalDatastoreRestore.Restored("ledger-db", backup.object().id(), "c".repeat(64), taken,
        backup.rpoAt(at), Duration.ofMillis(4300), Duration.ofMillis(20), Duration.ofMillis(120), 3, "id", "ledger-db",
        dev.phoenix.core.Sensitive.of("postgres://postgres:pw-secret@ledger-db:5432/postgres"), 40000);
    var ok = LocalTarget.dataUsed(new DatastoreResult("s", "ledger-db", "postgres", backup, restored, null), at);
    assertThat(ok).isEqualTo(new dev.phoenix.rebuild.DrillRecord.DataUsed("ledger-db", "postgres",
        "s3://b/db/x.dump?versionId=v1", "c".repeat(64), "2026-10-01T02:00:00Z", 27_000_000L, "7h 30m", 4300L, 3L,
        "restored", null));
    assertThat(ok.toString()).doesNotContain("pw-secret");
    var failed = LocalTarget.dataUsed(new DatastoreResult("s", "ledger-db", "postgres", backup, null, "probe failed"), at);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.rpoAchieved()).isEqualTo("7h 30m");
    assertThat(failed.probeCount()).isNull();
    var none = LocalTarget.dataUsed(new DatastoreResult("s", "ledger-db", "postgres", null, null, "no backup"), at);
    assertThat(none.backup()).isNull();
    assertThat(none.rpoAchieved()).isNull();
    assertThat(DrillLines.datastore(new DatastoreResult("s", "ledger-db", "postgres", backup, restored, null)))
        .isEqualTo("datastore ledger-db restored from s3://b/db/x.dump?versionId=v1 (sha256 " + "c".repeat(64)
            + " checked), taken 2026-10-01T02:00:00Z, RPO achieved 7h 30m; restore 4.3 s (fetch 0.0 s, pg_restore 0.1 s),"
            + " probe counted 3");
  }
}
