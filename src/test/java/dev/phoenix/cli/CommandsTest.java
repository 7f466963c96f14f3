package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on a real repository holding the sample estate. */
class CommandsTest {
  private static final String PROD = "environments/prod/environment.lock.yaml";
  private static final String STAGING = "environments/staging/environment.lock.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String first;
  private String second;

  @BeforeEach
  void repository() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("stacks/services.yaml", Estates.servicesStack())
          .put("stacks/functions.yaml", Estates.functionsStack())
          .put(PROD, Estates.prodLock())
          .put(STAGING, Estates.sample(STAGING));
      first = repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod: payments-api 1.4.2");
      repo.put(PROD, Estates.prodLock().replace("1.4.2-318-9f3c2ab", "1.4.3-321-b7c8d9e")
          .replace("version: 7}", "version: 8}"));
      second = repo.commit(Instant.parse("2026-11-10T10:00:00Z"), "prod: payments-api 1.4.3");
      repo.checkout();
    }
  }

  @Test
  void validateAcceptsTheSampleEstateAndExitsTwoWithEveryProblem() throws Exception {
    CliRun ok = CliRun.of("validate", "--repo", dir.toString());
    assertThat(ok.exitCode()).isEqualTo(0);
    assertThat(ok.out()).contains("prod: ok (4 artefacts, 2 stacks)", "staging: ok");

    Files.writeString(dir.resolve(PROD), Estates.prodLock().replace("version: 7}", "}").replace("@sha256:4b825dc6", ":latest#"));
    CliRun bad = CliRun.of("validate", "--env", "prod", "--repo", dir.toString(), "--output", "json");
    assertThat(bad.exitCode()).isEqualTo(2);
    JsonNode env = JSON.readTree(bad.out()).get("environments").get(0);
    assertThat(env.get("ok").asBoolean()).isFalse();
    assertThat(env.get("problems")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(env.get("problems").get(0).get("file").asText()).isEqualTo(PROD);
  }

  @Test
  void showAtADateNamesTheCommitAndItsDateInJson() throws Exception {
    CliRun run = CliRun.of("show", "--env", "prod", "--at", "2026-11-05", "--repo", dir.toString(), "--output", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("commit").asText()).isEqualTo(first);
    assertThat(json.get("committedAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
    assertThat(json.get("environment").asText()).isEqualTo("prod");
    assertThat(json.get("lock").get("artefacts").get("payments-api").get("version").asText()).isEqualTo("1.4.2-318-9f3c2ab");
    assertThat(json.get("stacks").get("services").get("services").get(0).get("name").asText()).isEqualTo("payments-api");
    assertThat(json.get("understoodAs").asText()).contains("no zone given: UTC");
  }

  @Test
  void showInTextSaysWhichCommitAndThatNoZoneMeansUtc() {
    CliRun run = CliRun.of("show", "--env", "prod", "--at", "2026-11-10T12:00", "--repo", dir.toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("# commit " + second, "(no zone given: UTC)", "version: 1.4.3-321-b7c8d9e");
  }

  @Test
  void historyListsEachChangeWithWhatChanged() throws Exception {
    CliRun run = CliRun.of("history", "--env", "prod", "--repo", dir.toString(), "--output", "json");
    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode entries = JSON.readTree(run.out()).get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("commit").asText()).isEqualTo(second);
    assertThat(entries.get(0).get("changes").toString())
        .contains("version 1.4.2-318-9f3c2ab", "version 1.4.3-321-b7c8d9e", "ssm:/prod/payments/database-url:8");
    CliRun text = CliRun.of("history", "--env", "prod", "--repo", dir.toString());
    assertThat(text.out()).contains("~ payments-api: version 1.4.2-318-9f3c2ab → version 1.4.3-321-b7c8d9e");
  }

  @Test
  void diffBetweenMomentsAndAgainstAnotherEnvironment() {
    CliRun moments = CliRun.of("diff", "--env", "prod", "--from", "2026-11-02", "--to", "HEAD", "--repo", dir.toString());
    assertThat(moments.exitCode()).isEqualTo(0);
    assertThat(moments.out()).contains("~ payments-api: version 1.4.2-318-9f3c2ab → version 1.4.3-321-b7c8d9e",
        "~ payments-api.DATABASE_URL: ssm:/prod/payments/database-url:7 → ssm:/prod/payments/database-url:8");
    CliRun against = CliRun.of("diff", "--env", "staging", "--against", "prod", "--repo", dir.toString());
    assertThat(against.exitCode()).isEqualTo(0);
    assertThat(against.out()).contains("--- prod at", "+++ staging at", "payments-api.DATABASE_URL");
  }

  @Test
  void errorsExitTwoWithAShortMessageAndNoStackTrace() {
    CliRun unknown = CliRun.of("show", "--env", "qa", "--repo", dir.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: unknown environment 'qa'", "known environments: prod, staging")
        .doesNotContain("at dev.phoenix");
    CliRun before = CliRun.of("show", "--env", "prod", "--at", "2026-10-01", "--repo", dir.toString());
    assertThat(before.exitCode()).isEqualTo(2);
    assertThat(before.err()).contains("first lockfile commit", "2026-11-01T10:00:00Z");
    CliRun trace = CliRun.of("show", "--env", "qa", "--repo", dir.toString(), "--stacktrace");
    assertThat(trace.err()).contains("at dev.phoenix");
    CliRun usage = CliRun.of("show", "--env", "prod", "--nope");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Unknown option: '--nope'");
  }

  @Test
  void notARepositoryIsAClearError() throws Exception {
    Path plain = Files.createDirectories(dir.getParent().resolve(dir.getFileName() + "-plain"));
    CliRun run = CliRun.of("history", "--env", "prod", "--repo", plain.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not inside a Git repository");
  }

  @Test
  void uncommittedChangesAreWarnedAboutButHistoryCounts() throws Exception {
    Files.writeString(dir.resolve(PROD), Estates.prodLock().replace("1.4.2-318-9f3c2ab", "9.9.9-1-aaaaaaa"));
    CliRun run = CliRun.of("show", "--env", "prod", "--repo", dir.toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("warning: uncommitted changes to " + PROD);
    assertThat(run.out()).contains("1.4.3-321-b7c8d9e").doesNotContain("9.9.9-1-aaaaaaa");
  }

  @Test
  void versionAndHelp() {
    assertThat(CliRun.of("--version").out()).startsWith("phoenix ");
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isEqualTo(0);
    assertThat(help.out()).contains("validate", "history", "show", "diff", "Exit codes");
  }
}
