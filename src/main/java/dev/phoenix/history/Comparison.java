package dev.phoenix.history;

import dev.phoenix.git.GitRepository;
import java.time.Instant;
import java.util.List;

/**
 * {@code phoenix diff}: an environment at two moments, or two environments at one moment, read
 * from history and compared ({@link EstateDiff}).  A side that is INVALID is compared as far as it
 * could be read; its snapshot holds its problems.
 */
public record Comparison(Revision from, Snapshot before, Revision to, Snapshot after, List<Change> changes) {

  /**
   * {@code against} null: {@code environment} at {@code fromWhen} and at {@code toWhen}; else
   * {@code against} and {@code environment}, both at {@code toWhen}.
   */
  public static Comparison of(GitRepository git, String environment, String fromWhen, String toWhen, String against,
      Instant now) {
    TimeTravel travel = new TimeTravel(git);
    Revision a = against == null ? travel.resolveReadable(environment, fromWhen, now)
        : travel.resolveReadable(against, toWhen, now);
    Revision b = travel.resolveReadable(environment, toWhen, now);
    Snapshot before = Snapshot.of(a);
    Snapshot after = Snapshot.of(b);
    return new Comparison(a, before, b, after, EstateDiff.between(before.estate().value(), after.estate().value()));
  }

}
