package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit dated in the future (a wrong clock, or a forged date) never drops the revision in force
 * now out of a window, and is named as a warning everywhere history is read.
 */
class FutureCommitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV = "fut";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant FUTURE = NOW.plus(Duration.ofDays(184));

  @TempDir Path dir;
  private String old;
  private String head;

  private void history(Instant headAt) {
    String path = TinyEstate.lockPath(ENV);
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put(TinyEstate.STACK_PATH, TinyEstate.STACK).put(path, TinyEstate.lock(ENV, ""));
      old = repo.commit(NOW.minus(Duration.ofDays(60)), "old, before the window");
      // HEAD is broken: were it left out of the window, verify would say all is well
      repo.put(path, TinyEstate.lock(ENV, "    DB_PASSWORD: {value: hunter2}\n"));
      head = repo.commit(headAt, "from a clock set to next year");
      repo.checkout();
    }
  }

  @Test
  void verifySinceChecksAFutureDatedHeadAndWarnsAboutIt() throws Exception {
    history(FUTURE);
    ReadCli run = ReadCli.in(dir, "verify", "--env", ENV, "--since", "30d", "--output", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    JsonNode env = JSON.readTree(run.out()).get("environments").get(0);
    JsonNode revisions = env.get("revisions");
    assertThat(revisions).extracting(r -> r.get("commit").asText()).containsExactly(old, head);
    assertThat(revisions.get(1).get("status").asText()).isEqualTo("INVALID");
    assertThat(revisions.get(1).get("warnings").get(0).asText())
        .startsWith("commit " + head.substring(0, 7) + " is dated " + FUTURE + ", in the future (now is ")
        .contains("): counted as in force from ")
        .endsWith("; show/rebuild --at a date reach it only once that date has come, --at " + head.substring(0, 7)
            + " reaches it now");
    assertThat(revisions.get(0).get("validUntil").asText()).isNotEqualTo(FUTURE.toString());
    assertThat(env.get("summary").asText())
        .endsWith("; warning: dated in the future, counted as committed now: " + head.substring(0, 7) + " ("
            + FUTURE.toString().substring(0, 16).replace('T', ' ') + ")");

    ReadCli text = ReadCli.in(dir, "verify", "--env", ENV, "--since", "30d");
    assertThat(text.out()).contains("  warning: " + ENV + " commit " + head.substring(0, 7) + " is dated " + FUTURE);
    ReadCli headOnly = ReadCli.in(dir, "verify", "--env", ENV, "--output", "json");
    assertThat(headOnly.code()).isEqualTo(1);
    assertThat(JSON.readTree(headOnly.out()).get("environments").get(0).get("revisions").get(0).get("warnings"))
        .hasSize(1);
  }

  @Test
  void fromWithoutToReachesTheFutureDatedHeadAndAPastWindowDoesNot() throws Exception {
    history(FUTURE);
    ReadCli open = ReadCli.in(dir, "verify", "--env", ENV, "--from", NOW.minus(Duration.ofDays(1)).toString(),
        "--output", "json");
    assertThat(JSON.readTree(open.out()).get("environments").get(0).get("revisions"))
        .extracting(r -> r.get("commit").asText()).containsExactly(old, head);
    ReadCli past = ReadCli.in(dir, "verify", "--env", ENV, "--from", NOW.minus(Duration.ofDays(30)).toString(),
        "--to", NOW.minus(Duration.ofDays(1)).toString(), "--output", "json");
    assertThat(past.code()).as(past.toString()).isEqualTo(0);
    assertThat(JSON.readTree(past.out()).get("environments").get(0).get("revisions"))
        .extracting(r -> r.get("commit").asText()).containsExactly(old);
  }

  @Test
  void aFewMinutesOfClockSkewIsNoWarningButStillInTheWindow() throws Exception {
    history(NOW.plus(Duration.ofMinutes(3)));
    ReadCli run = ReadCli.in(dir, "verify", "--env", ENV, "--since", "30d", "--output", "json");
    JsonNode revisions = JSON.readTree(run.out()).get("environments").get(0).get("revisions");
    assertThat(revisions).extracting(r -> r.get("commit").asText()).containsExactly(old, head);
    assertThat(revisions.get(1).get("warnings")).isEmpty();
    assertThat(ReadCli.in(dir, "show", "--env", ENV, "--at", "HEAD~1").err()).doesNotContain("in the future");
  }

  @Test
  void protectKeepsWhatAFutureDatedHeadPins() throws Exception {
    history(FUTURE);
    ReadCli run = ReadCli.in(dir, "protect", "--env", ENV, "--since", "30d", "--output", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(0);
    assertThat(JSON.readTree(run.out()).get("revisions").asInt()).isEqualTo(2);
  }

  @Test
  void showHistoryAndDiffNameTheFutureDatedCommit() throws Exception {
    history(FUTURE);
    String warning = "warning: commit " + head.substring(0, 7) + " is dated " + FUTURE
        + ", in the future: --at a date before then does not reach it (--at " + head.substring(0, 7)
        + " does); verify counts it as committed now";
    ReadCli today = ReadCli.in(dir, "show", "--env", ENV, "--at", NOW.toString().substring(0, 10), "--output", "json");
    assertThat(today.code()).as(today.toString()).isEqualTo(0);
    assertThat(JSON.readTree(today.out()).get("commit").asText()).isEqualTo(old); // dates are taken as written
    assertThat(today.err()).contains(warning);
    ReadCli atHead = ReadCli.in(dir, "show", "--env", ENV, "--at", "HEAD", "--output", "json");
    assertThat(JSON.readTree(atHead.out()).get("commit").asText()).isEqualTo(head);
    assertThat(ReadCli.in(dir, "history", "--env", ENV).err()).contains(warning);
    ReadCli diff = ReadCli.in(dir, "diff", "--env", ENV, "--from", old);
    assertThat(diff.err()).contains(warning);
    assertThat(diff.out()).contains("DB_PASSWORD");
  }
}
