package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: a revision whose lockfile cannot be read (not YAML here; a committed link in
 * RepositoryLinksTest) was listed by history as every artefact removed, and the next revision as
 * every artefact added. It is one "not read" line, and the next revision is compared with the last
 * readable one.
 */
class UnreadableHistoryStepTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";

  @TempDir Path dir;

  @Test
  void anUnreadableRevisionIsOneLineAndTheNextIsComparedWithTheLastReadable() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("stacks/services.yaml", Estates.servicesStack()).put("stacks/functions.yaml", Estates.functionsStack())
          .put(LOCK, Estates.prodLock());
      repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "valid");
      repo.put(LOCK, "artefacts: [unclosed\n  secret-ish: {{{\n");
      repo.commit(Instant.parse("2026-11-02T10:00:00Z"), "broken by hand");
      repo.put(LOCK, Estates.prodLock().replace("1.4.2-318-9f3c2ab", "1.4.3-320-0a1b2c3"));
      repo.commit(Instant.parse("2026-11-03T10:00:00Z"), "mended with a new version");
      repo.checkout();
    }
    for (int run = 0; run < 2; run++) { // the second run answers from the read cache
      ReadCli history = ReadCli.in(dir, "history", "--env", "prod");
      assertThat(history.code()).as(history.toString()).isZero();
      String out = history.out();
      String mended = out.substring(0, out.indexOf("broken by hand"));
      String broken = out.substring(out.indexOf("broken by hand"), out.lastIndexOf("  valid"));
      assertThat(mended).contains("~ payments-api").doesNotContain("    +").doesNotContain("    -");
      assertThat(broken).contains("! " + LOCK + ": not read (not valid YAML").doesNotContain("    -")
          .doesNotContain("{{{");
    }
    ReadCli json = ReadCli.in(dir, "history", "--env", "prod", "--output", "json");
    assertThat(json.out()).contains("\"kind\" : \"unreadable\"").doesNotContain("artefact-removed")
        .doesNotContain("artefact-added\", \"subject\" : \"ledger-worker");
  }
}
