package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.FileTargetLock;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.rebuild.RebuildFixtures;
import dev.phoenix.support.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuild and drills commands' own rules (no engine, no store contacted). */
class RebuildCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void applyWithoutATerminalAndWithoutYesIsRefusedBeforeAnythingRuns() {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      int code = run("rebuild", "--repo", dir.toString(), "--env", "prod", "--target", "aws", "--region", "eu-west-1",
          "--out", dir.resolve(".phoenix").toString(), "--apply");
      assertThat(code).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("asks for confirmation on a terminal, and there is none").contains("--yes");
      assertThat(dir.resolve(".phoenix")).doesNotExist();
      assertThat(dir.resolve("drills")).doesNotExist();
    }
  }

  @Test
  void usageErrorsExitTwo() {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      assertThat(run("rebuild", "--repo", dir.toString(), "--env", "prod", "--target", "moon")).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("unknown target 'moon'").contains("known targets: aws");
      assertThat(run("rebuild", "--repo", dir.toString(), "--env", "prod", "--target", "aws", "--saved-plan"))
          .isEqualTo(ExitCodes.USAGE);
      assertThat(run("rebuild", "--repo", dir.toString(), "--env", "prod", "--target", "aws", "--region", "mars-1",
          "--out", dir.resolve(".phoenix").toString())).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("command line: region: 'mars-1' is not an AWS region");
    }
  }

  @Test
  void teardownAwsAsksOrNeedsYesAndRefusesWhenNoRebuildIsUnderOut() {
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      String out = dir.resolve(".phoenix").toString();
      assertThat(run("teardown", "--repo", dir.toString(), "--env", "prod", "--target", "aws", "--region", "eu-west-1",
          "--out", out)).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("asks for confirmation on a terminal, and there is none").contains("--yes");
      assertThat(run("teardown", "--repo", dir.toString(), "--env", "prod", "--target", "aws", "--region", "eu-west-1",
          "--out", out, "--yes")).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("no AWS rebuild of prod under " + out).contains("nothing was destroyed");
      assertThat(run("teardown", "--env", "prod", "--target", "moon")).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).contains("teardown supports --target local or aws, not 'moon'");
    }
  }

  @Test
  void forceUnlockRemovesTheLockAndSaysWhoHeldIt() throws Exception {
    Path state = dir.resolve(".phoenix");
    String holder;
    try (FileTargetLock lock = FileTargetLock.acquire(state, "prod", "aws", "phoenix rebuild", line -> {})) {
      holder = lock.holder().describe();
      try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
        RebuildFixtures.sampleRepo(repo);
        assertThat(run("rebuild", "--repo", dir.resolve("repo").toString(), "--env", "prod", "--target", "aws",
            "--out", state.toString(), "--force-unlock")).isEqualTo(ExitCodes.OK);
      }
    }
    assertThat(out.toString()).contains("removed lock held by " + holder);
    assertThat(FileTargetLock.holder(state, "prod", "aws")).isEmpty();
  }

  @Test
  void drillsListsNewestFirstWithRecoveryTimes() {
    DrillRecords records = new DrillRecords(dir.resolve("drills"));
    records.write(record("aaaaaaaa", "2026-11-20T10:00:00Z", "planned", 65_000));
    records.write(record("bbbbbbbb", "2026-11-21T10:00:00Z", "failed", 1_500));
    assertThat(run("drills", "--drills", dir.resolve("drills").toString(), "--env", "prod")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("2026-11-21T10:00:00Z").contains("failed").contains("1.50 s").contains("(it broke)");
    assertThat(lines.get(1)).contains("planned").contains("65.00 s");
    out.getBuffer().setLength(0);
    assertThat(run("drills", "--drills", dir.resolve("drills").toString(), "--env", "prod", "--output", "json")).isZero();
    assertThat(out.toString()).contains("\"id\" : \"bbbbbbbb\"").contains("\"recoveryMillis\" : 65000");
    assertThat(out.toString().indexOf("bbbbbbbb")).isLessThan(out.toString().indexOf("aaaaaaaa"));
  }

  private static DrillRecord record(String id, String at, String outcome, long millis) {
    return new DrillRecord(DrillRecord.SCHEMA, id, "prod", "aws", "ci@host", at, at, "2026-11-01", "end of day",
        "0123456789abcdef0123456789abcdef01234567", "2026-10-20T09:00:00Z", "test", "plan", outcome,
        outcome.equals("failed") ? "it broke" : null, millis, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
