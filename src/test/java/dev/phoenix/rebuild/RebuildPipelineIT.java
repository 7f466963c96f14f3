package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.engine.PlanBinding;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline with the real engine (OpenTofu from scripts/ensure-tofu, or tofu/terraform
 * on PATH) over terraform_data stacks: init, saved plan, apply exactly that plan, record.
 */
class RebuildPipelineIT {
  @TempDir Path dir;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private RebuildResult run(GitRepository git, String at, boolean apply, boolean saved, Map<String, String> flags) {
    RebuildRequest request = new RebuildRequest("prod", at, RebuildFixtures.NOW, dir, dir.resolve(".phoenix"),
        dir.resolve("drills"), flags, apply, saved, false, System.getProperty("phoenix.engine"), Duration.ofMinutes(2),
        CheckOptions.defaults());
    Progress progress = new Progress() {
      @Override
      public void phaseStarted(String phase) {}

      @Override
      public void phaseFinished(String phase, Duration duration, String summary) {
        lines.add(phase + ": " + summary);
      }

      @Override
      public void line(String text) {
        lines.add(text);
      }
    };
    return new RebuildPipeline(git, new TerraformDataTarget(), RebuildFixtures.allOk(), progress, Confirm.yes())
        .run(request);
  }

  private Path stackDir(String stack) {
    return dir.resolve(".phoenix/prod/tfdata/stacks").resolve(stack);
  }

  @Test
  void plansThenAppliesExactlyTheSavedPlanAndRecordsIt() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      String commit = RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult planned = run(git, "2026-11-01", false, false, Map.of());
        assertThat(planned.outcome()).as(lines.toString()).isEqualTo(RebuildOutcome.PLANNED);
        assertThat(planned.record().stacks()).extracting(Deployed.StackRun::planned)
            .containsExactly("2 to add, 0 to change, 0 to destroy", "1 to add, 0 to change, 0 to destroy");
        Path plan = stackDir("services").resolve(TerraformDeployer.PLAN_FILE);
        assertThat(PlanBinding.verify(plan, commit, List.of("test")).lockfileCommit()).isEqualTo(commit);
        assertThat(stackDir("services").resolve("terraform.tfstate")).doesNotExist();

        RebuildResult applied = run(git, "2026-11-01", true, true, Map.of());
        assertThat(applied.outcome()).as(lines.toString()).isEqualTo(RebuildOutcome.SUCCEEDED);
        assertThat(applied.failureKind()).isNull();
        assertThat(applied.record().stacks()).extracting(Deployed.StackRun::applied)
            .containsExactly("2 to add, 0 to change, 0 to destroy", "1 to add, 0 to change, 0 to destroy");
        assertThat(Files.readString(stackDir("services").resolve("terraform.tfstate")))
            .contains("registry.example.com/payments/api@sha256:4b825dc6");
        assertThat(applied.record().mode()).isEqualTo("apply");
        assertThat(applied.record().phases()).extracting(DrillRecord.Phase::name)
            .containsExactly("resolve", "preflight", "synth", "engine", "record");

        RebuildResult again = run(git, "2026-11-01", true, false, Map.of());
        assertThat(again.record().stacks()).extracting(Deployed.StackRun::planned)
            .containsOnly("0 to add, 0 to change, 0 to destroy");
        assertThat(new DrillRecords(dir.resolve("drills")).list("prod").records()).extracting(DrillRecord::outcome)
            .containsExactly("succeeded", "succeeded", "planned");
      }
    }
  }

  @Test
  void aFailureMidApplyKeepsStateAndARerunConverges() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult failed = run(git, "HEAD", true, false, Map.of("gate", "closed"));
        assertThat(failed.outcome()).isEqualTo(RebuildOutcome.FAILED);
        assertThat(failed.failureKind()).isEqualTo(dev.phoenix.core.PhoenixException.Kind.CHECK_FAILED);
        assertThat(failed.record().failureReason()).contains("stack functions: apply failed")
            .contains("gate statements is closed").contains("earlier stacks applied");
        assertThat(failed.record().stacks()).extracting(Deployed.StackRun::name).containsExactly("services", "functions");
        assertThat(Files.readString(stackDir("services").resolve("terraform.tfstate"))).contains("payments-api");

        RebuildResult fixed = run(git, "HEAD", true, false, Map.of());
        assertThat(fixed.outcome()).as(lines.toString()).isEqualTo(RebuildOutcome.SUCCEEDED);
        assertThat(fixed.record().stacks()).extracting(Deployed.StackRun::planned)
            .containsExactly("0 to add, 0 to change, 0 to destroy", "1 to add, 0 to change, 1 to destroy");
      }
    }
  }

  @Test
  void aSavedPlanFromAnotherLockfileCommitIsRefused() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      String first = RebuildFixtures.sampleRepo(repo);
      repo.put(RebuildFixtures.LOCK, repo.files().get(RebuildFixtures.LOCK).replace("version: 7}", "version: 8}"));
      String second = repo.commit(Instant.parse("2026-11-10T09:00:00Z"), "prod: database-url version 8");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(run(git, "2026-11-01", false, false, Map.of()).record().lockfileCommit()).isEqualTo(first);
        RebuildResult refused = run(git, "HEAD", true, true, Map.of());
        assertThat(refused.outcome()).isEqualTo(RebuildOutcome.FAILED);
        assertThat(refused.record().lockfileCommit()).isEqualTo(second);
        assertThat(refused.record().failureReason())
            .contains("made from lockfile commit " + first + ", not " + second);
        assertThat(stackDir("services").resolve("terraform.tfstate")).doesNotExist();
      }
    }
  }

  @Test
  void heldLockNamesTheHolderAndUnreachableProvidersStopAfterSynth() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        try (FileTargetLock held = FileTargetLock.acquire(dir.resolve(".phoenix"), "prod", "tfdata", "phoenix rebuild", line -> {})) {
          assertThatThrownBy(() -> run(git, "HEAD", false, false, Map.of()))
              .hasMessageContaining("already being rebuilt by " + held.holder().describe());
        }
        RebuildResult stopped = run(git, "HEAD", false, false, Map.of("provider", "registry.invalid/phoenix/none"));
        assertThat(stopped.outcome()).as(lines.toString()).isEqualTo(RebuildOutcome.STOPPED_AFTER_SYNTH);
        assertThat(stopped.failureKind()).isEqualTo(dev.phoenix.core.PhoenixException.Kind.UNAVAILABLE);
        assertThat(stopped.record().failureReason()).contains("could not install its provider plugins");
        assertThat(stackDir("services").resolve("main.tf.json")).exists();
      }
    }
  }
}
