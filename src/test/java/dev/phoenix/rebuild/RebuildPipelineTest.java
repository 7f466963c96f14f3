package dev.phoenix.rebuild;

import static dev.phoenix.rebuild.RebuildFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildPipelineTest {
  @TempDir Path dir;
  private final RecordingTarget target = new RecordingTarget();

  private RebuildResult run(GitRepository git, List<dev.phoenix.check.RefChecker> checkers, RebuildRequest request) {
    return new RebuildPipeline(git, target, checkers, Progress.silent(), Confirm.yes()).run(request);
  }

  @Test
  void runsEveryPhaseInOrderAndWritesAValueFreeRecord() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      String commit = RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult result = run(git, RebuildFixtures.allOk(), request(dir, dir.resolve(".phoenix"), "2026-11-01", false, Map.of()));
        assertThat(result.failureKind()).isNull();
        assertThat(result.outcome()).isEqualTo(RebuildOutcome.PLANNED);
        assertThat(target.calls).containsExactly("synthesize " + commit, "deploy apply=false");
        DrillRecord r = result.record();
        assertThat(r.phases()).extracting(DrillRecord.Phase::name)
            .containsExactly("resolve", "preflight", "synth", "engine", "record");
        assertThat(r.lockfileCommit()).isEqualTo(commit);
        assertThat(r.asked()).isEqualTo("2026-11-01");
        assertThat(r.mode()).isEqualTo("plan");
        assertThat(r.recoveryMillis()).isGreaterThanOrEqualTo(r.phases().stream().mapToLong(DrillRecord.Phase::durationMillis).max().orElse(0));
        assertThat(r.artefacts()).extracting(DrillRecord.ArtefactUsed::reference).contains(
            "registry.example.com/payments/api@sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07",
            "s3://artefacts/statements/2.0.1-77-1a2b3c4.zip?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(r.config()).contains(
            new DrillRecord.ConfigUsed("payments-api", "DATABASE_URL", "ssm", "/prod/payments/database-url", "7"),
            new DrillRecord.ConfigUsed("payments-api", "LOG_LEVEL", "value", null, null));
        assertThat(result.recordFile()).startsWith(dir.resolve("drills/prod"));
        assertThat(result.recordFile().getFileName().toString()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}\\.json");
        String text = Files.readString(result.recordFile());
        assertThat(text).doesNotContain("prod-statements").contains("\"outcome\" : \"planned\"");
        assertThat(DrillRecords.read(result.recordFile())).isEqualTo(r);
      }
    }
  }

  @Test
  void missingOrCorruptStopsBeforeAnythingIsBuilt() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult result = run(git, List.of(RebuildFixtures.checker(r -> r instanceof Ref.Secret ? Status.MISSING
            : r instanceof Ref.Image ? Status.CORRUPT : Status.OK)), request(dir, dir.resolve(".phoenix"), "HEAD", true, Map.of()));
        assertThat(result.outcome()).isEqualTo(RebuildOutcome.STOPPED_AT_PREFLIGHT);
        assertThat(result.failureKind()).isEqualTo(PhoenixException.Kind.CHECK_FAILED);
        assertThat(target.calls).isEmpty();
        assertThat(result.record().preflight()).extracting(DrillRecord.PreflightIssue::status)
            .containsExactlyInAnyOrder("CORRUPT", "CORRUPT", "MISSING", "MISSING");
        assertThat(result.record().preflight()).filteredOn(i -> i.status().equals("CORRUPT"))
            .allSatisfy(i -> assertThat(i.reference()).matches(".+@sha256:[0-9a-f]{64}")); // full, never shortened
        assertThat(result.record().failureReason()).contains("4 pinned reference(s) missing or corrupt");
        assertThat(result.record().phases()).extracting(DrillRecord.Phase::name).containsExactly("resolve", "preflight", "record");
      }
    }
  }

  @Test
  void unknownStopsUnlessAllowed() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult stopped = run(git, List.of(), request(dir, dir.resolve(".phoenix"), "HEAD", false, Map.of()));
        assertThat(stopped.outcome()).isEqualTo(RebuildOutcome.STOPPED_AT_PREFLIGHT);
        assertThat(stopped.failureKind()).isEqualTo(PhoenixException.Kind.UNAVAILABLE);
        assertThat(stopped.record().preflight()).allSatisfy(i -> assertThat(i.reason()).startsWith("no checker for store"));
        assertThat(target.calls).isEmpty();
        RebuildRequest r = request(dir, dir.resolve(".phoenix"), "HEAD", false, Map.of());
        RebuildRequest allow = new RebuildRequest(r.environment(), r.at(), r.now(), r.workTree(), r.out(), r.drills(),
            r.targetFlags(), false, false, true, null, r.engineTimeout(), r.checkOptions());
        assertThat(run(git, List.of(), allow).outcome()).isEqualTo(RebuildOutcome.PLANNED);
        DrillRecords.Listing listing = new DrillRecords(dir.resolve("drills")).list("prod");
        assertThat(listing.records()).extracting(DrillRecord::outcome).containsExactly("planned", "stopped-at-preflight");
      }
    }
  }

  @Test
  void anInvalidRevisionIsAnInputErrorWithEveryProblemAndNoRecord() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      repo.put(RebuildFixtures.LOCK, repo.files().get(RebuildFixtures.LOCK).replace("version: 7}", "}")
          .replaceAll("api@sha256:[0-9a-f]+", "api:latest"));
      repo.commit(Instant.parse("2026-11-02T09:00:00Z"), "careless");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThatThrownBy(() -> run(git, RebuildFixtures.allOk(), request(dir, dir.resolve(".phoenix"), "HEAD", false, Map.of())))
            .isInstanceOf(PhoenixException.class)
            .satisfies(e -> assertThat(((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.INPUT))
            .hasMessageContaining("is not valid (2 problem(s))")
            .hasMessageContaining(RebuildFixtures.LOCK + ":");
        assertThat(dir.resolve("drills")).doesNotExist();
        assertThat(run(git, RebuildFixtures.allOk(), request(dir, dir.resolve(".phoenix"), "2026-11-01", false, Map.of()))
            .outcome()).isEqualTo(RebuildOutcome.PLANNED);
      }
    }
  }

  @Test
  void aHeldLockNamesItsHolderAndNothingRuns() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir);
          FileTargetLock held = FileTargetLock.acquire(dir.resolve(".phoenix"), "prod", "test", "phoenix rebuild", line -> {})) {
        assertThatThrownBy(() -> run(git, RebuildFixtures.allOk(), request(dir, dir.resolve(".phoenix"), "HEAD", false, Map.of())))
            .isInstanceOf(PhoenixException.class)
            .hasMessageContaining("already being rebuilt by " + held.holder().describe());
        assertThat(target.calls).isEmpty();
      }
    }
  }

  @Test
  void aLockLeftByAKilledRebuildIsTakenOverAndTheProgressSaysSo() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      Path file = FileTargetLock.fileOf(dir.resolve(".phoenix"), "prod", "test");
      java.nio.file.Files.createDirectories(file.getParent());
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      java.nio.file.Files.writeString(dev.phoenix.core.FileLock.ownerRecordOf(file), "{\"user\":\"ghost\",\"host\":\""
          + dev.phoenix.core.LockHolder.thisHost() + "\",\"pid\":" + gone.pid()
          + ",\"command\":\"phoenix rebuild\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"token\":\"t\"}");
      List<String> lines = new java.util.ArrayList<>();
      Progress progress = new Progress() {
        @Override
        public void phaseStarted(String phase) {}

        @Override
        public void phaseFinished(String phase, java.time.Duration duration, String summary) {}

        @Override
        public void line(String text) {
          lines.add(text);
        }
      };
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult result = new RebuildPipeline(git, target, RebuildFixtures.allOk(), progress, Confirm.yes())
            .run(request(dir, dir.resolve(".phoenix"), "HEAD", false, Map.of()));
        assertThat(result.outcome()).isEqualTo(RebuildOutcome.PLANNED);
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("taking over the stale lock " + file)
          .contains("ghost@").contains("no longer running on this host"));
      assertThat(file).doesNotExist();
    }
  }
}
