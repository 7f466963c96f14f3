package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.Lockfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phoenix report}'s usage errors: named, exit 2, before any store is asked and with no page written. */
class ReportCommandTest {
  @TempDir Path dir;

  Path repo() {
    GitFixture git = GitFixture.init(dir.resolve("repo"));
    git.put("stacks/svc.yaml", Lockfiles.stack());
    // a registry nobody listens on: if anything asked it, the run would say UNKNOWN, not exit 2
    git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod",
        Map.of("app", "127.0.0.1:9/x/app@sha256:" + "a".repeat(64)), "", ""));
    git.commit(Instant.parse("2026-10-01T00:00:00Z"), "prod");
    git.close();
    return dir.resolve("repo");
  }

  @Test
  void environmentsAndWindowAreCheckedFirst() {
    Path repo = repo();
    Path page = dir.resolve("page.html");
    RepoRun none = RepoRun.in(repo, "report", "--out", page.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("error: no environment given").contains("--all-envs");
    RepoRun both = RepoRun.in(repo, "report", "--env", "prod", "--all-envs", "--out", page.toString());
    assertThat(both.err()).contains("--env and --all-envs exclude each other");
    RepoRun window = RepoRun.in(repo, "report", "--env", "prod", "--since", "90d", "--from", "2026-09-01", "--out",
        page.toString());
    assertThat(window.code()).isEqualTo(2);
    assertThat(window.err()).contains("give either --since AGE or --from WHEN [--to WHEN]");
    RepoRun noOut = RepoRun.in(repo, "report", "--env", "prod");
    assertThat(noOut.code()).isEqualTo(2);
    assertThat(noOut.err()).contains("--out");
    assertThat(page).doesNotExist();
  }

  @Test
  void aDriftFileOfAnotherShapeIsNamedBeforeAnyStoreIsAsked() throws Exception {
    Path repo = repo();
    Path page = dir.resolve("page.html");
    Path drift = Files.writeString(dir.resolve("drift.json"), "{\"environment\": \"prod\", \"services\": [{\"name\": \"app\"}]}");
    RepoRun run = RepoRun.in(repo, "report", "--env", "prod", "--out", page.toString(), "--drift", drift.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("error: --drift: " + drift + ": /services/0: no \"status\"")
        .contains("what to do: give the JSON written by phoenix drift --output json")
        .doesNotContain("verify: checking");
    assertThat(page).doesNotExist();
  }
}
