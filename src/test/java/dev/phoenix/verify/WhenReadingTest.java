package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.history.When;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show/rebuild --at and verify --from/--to read WHEN through one parser, with one wording and one hint. */
class WhenReadingTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  @TempDir Path dir;

  @Test
  void atAndFromSayTheSameAboutABadDateAndAnUnknownCommit() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack()).put("environments/prod/environment.lock.yaml", VerifierTest.lock("prod", 1));
      git.commit(Instant.parse("2026-11-01T00:00:00Z"), "create");
    }
    try (GitRepository git = GitRepository.open(dir)) {
      PhoenixException atDate = catchThrowableOfType(
          () -> new TimeTravel(git).resolve("prod", "2026-11-31", NOW), PhoenixException.class);
      PhoenixException fromDate = catchThrowableOfType(
          () -> VerifyWindow.fromTo("2026-11-31", null, git, NOW), PhoenixException.class);
      assertThat(atDate.getMessage()).startsWith("'2026-11-31' is not a valid date or time");
      assertThat(fromDate.getMessage()).isEqualTo("--from: " + atDate.getMessage());
      PhoenixException atCommit = catchThrowableOfType(
          () -> new TimeTravel(git).resolve("prod", "nosuchref", NOW), PhoenixException.class);
      PhoenixException toCommit = catchThrowableOfType(
          () -> VerifyWindow.fromTo("2026-11-01", "nosuchref", git, NOW), PhoenixException.class);
      assertThat(atCommit.getMessage()).isEqualTo("'nosuchref' is neither a date nor a commit of this repository");
      assertThat(toCommit.getMessage()).isEqualTo("--to " + atCommit.getMessage());
      for (PhoenixException e : new PhoenixException[] {atDate, fromDate, atCommit, toCommit}) {
        assertThat(e.fix()).isEqualTo(When.HINT);
      }
      // a bare date: the end of that day for --at and --to, the start of it for --from
      assertThat(VerifyWindow.fromTo("2026-11-01", "2026-11-01", git, NOW))
          .extracting(VerifyWindow::from, VerifyWindow::to)
          .containsExactly(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T23:59:59Z"));
    }
  }
}
