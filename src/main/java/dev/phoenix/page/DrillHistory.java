package dev.phoenix.page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drill records of the window: one series per (environment, target), since a drill on a Docker
 * host and one into an AWS account take different times and one trend over both would mislead.
 * {@code notes}: what the reader should know about what is not shown (no records, unreadable files).
 */
public record DrillHistory(List<Series> series, List<String> notes) implements Section {
  public DrillHistory {
    series = List.copyOf(series);
    notes = List.copyOf(notes);
  }

  @Override
  public String title() {
    return "Drill history";
  }

  /** The drills of one environment on one target, oldest first. */
  public record Series(String environment, String target, List<Drill> drills) {
    public Series {
      drills = List.copyOf(drills);
    }

    public Trend trend() {
      return Trend.of(drills);
    }

    /** The newest drill that did not recover (see {@link Drill#failed()}). */
    public Optional<Drill> lastFailure() {
      for (int i = drills.size() - 1; i >= 0; i--) {
        if (drills.get(i).failed()) {
          return Optional.of(drills.get(i));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One drill record: {@code recoveryMillis} from start until the record; {@code commit} the full
   * lockfile commit rebuilt (null when resolve failed); {@code failureReason} value-free, or null.
   */
  public record Drill(String id, Instant startedAt, String mode, String outcome, long recoveryMillis, String commit,
      String asked, String failureReason) {

    /** A recovery that completed: what the recovery-time trend is drawn through. */
    public boolean succeeded() {
      return "succeeded".equals(outcome);
    }

    /** A plan-only run: nothing was rebuilt, so it is neither a recovery nor a failure. */
    public boolean planned() {
      return "planned".equals(outcome);
    }

    /** Failed, interrupted or stopped: the rebuild did not get the environment back. */
    public boolean failed() {
      return !succeeded() && !planned();
    }
  }
}
