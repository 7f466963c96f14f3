package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Artefact;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attest and promote on a real Git repository (no servers needed: nothing is resolved). */
class PromoteCommandTest {
  static final String STAGING_API = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String POLICY = """
      apiVersion: phoenix/v1
      kind: PromotionPolicy
      from: [staging]
      require:
        - step: integration-tests
          evidence: https://ci\\.example\\.com/runs/[0-9]+
        - {step: security-scan, result: passed}
      """;

  @TempDir Path dir;
  Path prod;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--repo";
    all[args.length + 1] = dir.toString();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void repo() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("environments/staging/environment.lock.yaml", Estates.sample("environments/staging/environment.lock.yaml"))
          .put("environments/prod/environment.lock.yaml", Estates.prodLock())
          .put("environments/prod/policy.yaml", POLICY)
          .put("stacks/services.yaml", Estates.servicesStack())
          .put("stacks/functions.yaml", Estates.functionsStack())
          .commit(Instant.parse("2026-11-20T10:00:00Z"), "estate");
      git.checkout();
    }
    prod = dir.resolve("environments/prod/environment.lock.yaml");
  }

  @Test
  void promotionIsRefusedForMissingEvidenceAndAcceptedOnceAttested() throws Exception {
    byte[] before = Files.readAllBytes(prod);
    Run refused = run("promote", "--from", "staging", "--to", "prod");
    assertThat(refused.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(refused.err())
        .contains("promotion from staging refused: environments/prod/policy.yaml is not met; nothing was written")
        .contains("payments-api: security-scan: no record (needs result passed)")
        // entries already identical in prod are not promotions, so not judged
        .doesNotContain("statements:").doesNotContain("bastion:");
    assertThat(Files.readAllBytes(prod)).isEqualTo(before);

    Run attested = run("attest", "--env", "staging", "--artefact", "payments-api", "--digest", STAGING_API,
        "--step", "security-scan", "--result", "passed", "--evidence", "https://scanner.example.com/r/1", "--commit");
    assertThat(attested.code()).as(attested.err()).isEqualTo(0);
    assertThat(attested.out()).contains("~ payments-api assurance: 2 records → 3 records").contains("committed ");

    Run promoted = run("promote", "--from", "staging", "--to", "prod", "--only", "payments-api", "--commit",
        "--author", "CI <ci@example.com>");
    assertThat(promoted.code()).as(promoted.err()).isEqualTo(0);
    assertThat(promoted.out()).contains("~ payments-api: version 1.4.2-318-9f3c2ab → version 1.4.3-321-b7c8d9e");

    var staging = EstateReader.read(new WorkingTreeFiles(dir), "staging").value().lockfile();
    var prodNow = EstateReader.read(new WorkingTreeFiles(dir), "prod");
    assertThat(prodNow.problems()).isEmpty();
    Artefact copied = prodNow.value().lockfile().artefacts().get("payments-api");
    assertThat(copied).isEqualTo(staging.artefacts().get("payments-api"));
    assertThat(copied.assurance()).hasSize(3);
    // config is not copied, the other artefacts untouched, the comment on the version line kept
    String text = Files.readString(prod);
    assertThat(text).contains("ssm: /prod/payments/database-url, version: 7")
        .contains("version: 1.4.3-321-b7c8d9e          # ${semver}-${build-number}-${commit-hash-fragment}")
        .contains("ledger-worker@sha256:9d1f0a7c");

    try (Git git = Git.open(dir.toFile())) {
      RevCommit head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getFullMessage())
          .startsWith("phoenix promote prod: ~ payments-api: version 1.4.2-318-9f3c2ab → version 1.4.3-321-b7c8d9e\n")
          .contains("From: staging").contains("Phoenix-Environment: prod")
          .contains("Phoenix-File: environments/prod/environment.lock.yaml");
      assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("ci@example.com");
      assertThat(git.status().call().isClean()).isTrue();
    }

    Run again = run("promote", "--from", "staging", "--to", "prod", "--only", "payments-api");
    assertThat(again.code()).isEqualTo(0);
    assertThat(again.out()).contains("already up to date");
  }

  @Test
  void evidenceForAnotherDigestIsRefused() throws Exception {
    Path staging = dir.resolve("environments/staging/environment.lock.yaml");
    byte[] before = Files.readAllBytes(staging);
    Run r = run("attest", "--env", "staging", "--artefact", "payments-api", "--digest", "sha256:" + "1".repeat(64),
        "--step", "security-scan", "--result", "passed", "--evidence", "https://scanner.example.com/r/1");
    assertThat(r.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(r.err()).contains("refused: sha256:1111").contains("is not what staging locks for payments-api ("
        + STAGING_API + ")");
    assertThat(Files.readAllBytes(staging)).isEqualTo(before);
  }

  @Test
  void aPromotionFromAnEnvironmentThePolicyDoesNotAllowIsRefused() {
    Run r = run("promote", "--from", "prod", "--to", "staging");
    assertThat(r.code()).as(r.err()).isEqualTo(0); // staging has no policy: warning only
    assertThat(r.err()).contains("requires nothing");
    Estates.write(dir, "environments/qa/environment.lock.yaml", Estates.sample("environments/staging/environment.lock.yaml")
        .replace("environment: staging", "environment: qa"));
    Run refused = run("promote", "--from", "qa", "--to", "prod");
    assertThat(refused.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(refused.err()).contains("allows promotion only from staging, not from qa");
  }
}
