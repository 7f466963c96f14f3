package dev.phoenix.verify;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.When;
import java.time.Duration;
import java.time.Instant;

/**
 * Which revisions a run checks: HEAD only ({@link #head()}), or every revision in force at some
 * moment in {@code [from, to]} — the one in force at {@code from} plus every one committed inside.
 * {@code untilNow}: the window runs up to the present (--since, or --from without --to), so the
 * revision in force now is reported as in force "until now" rather than until {@code to}.
 */
public record VerifyWindow(Instant from, Instant to, String asked, boolean untilNow) {

  public static VerifyWindow head() {
    return new VerifyWindow(null, null, "HEAD", true);
  }

  public static VerifyWindow since(Duration length, Instant now, String asked) {
    return new VerifyWindow(now.minus(length), now, "since " + asked, true);
  }

  public static VerifyWindow between(Instant from, Instant to, String asked) {
    return between(from, to, asked, false);
  }

  static VerifyWindow between(Instant from, Instant to, String asked, boolean untilNow) {
    if (from.isAfter(to)) {
      throw PhoenixException.input("--from " + from + " is after --to " + to, "swap them, or give a later --to");
    }
    return new VerifyWindow(from, to, asked, untilNow);
  }

  /**
   * {@code --from WHEN [--to WHEN]}: dates and date-times as {@code show --at} reads them (no zone:
   * UTC), except that a bare date given to {@code --from} means the start of that day; commit ids and
   * HEAD~n stand for their commit time. {@code to} null: now.
   */
  public static VerifyWindow fromTo(String fromText, String toText, GitRepository git, Instant now) {
    dev.phoenix.history.TimeTravel.requireCommits(git);
    Instant from = moment(fromText, "--from", git, true);
    Instant to = toText == null ? now : moment(toText, "--to", git, false);
    if (from.isAfter(now)) {
      throw PhoenixException.input("--from " + fromText + " is in the future (now is " + now + ")",
          "ask about a window that has started");
    }
    return between(from, to.isAfter(now) ? now : to, "from " + fromText + (toText == null ? "" : " to " + toText),
        toText == null);
  }

  /** One WHEN read by {@link When}: a date-time as written, a commit (or HEAD~n) at its commit time. */
  private static Instant moment(String text, String option, GitRepository git, boolean startOfDay) {
    When when = When.read(text, option);
    if (when instanceof When.AtTime at) {
      return startOfDay ? at.startOfDay() : at.instant();
    }
    return ((When.AtRevision) when).commit(git, option).committedAt();
  }

  public boolean headOnly() {
    return from == null;
  }
}
