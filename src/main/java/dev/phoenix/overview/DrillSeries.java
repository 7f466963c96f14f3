package dev.phoenix.overview;

import dev.phoenix.page.DrillHistory;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drill records of the window, per (environment, target), oldest first, for the page. */
final class DrillSeries {
  private DrillSeries() {}

  /** {@code from} null: every record (a HEAD-only window); {@code to}: records started after it are left out. */
  static DrillHistory of(DrillRecords records, List<String> environments, Instant from, Instant to) {
    List<DrillHistory.Series> series = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String env : environments) {
      DrillRecords.Listing listing = records.list(env);
      listing.unreadable().forEach(f -> notes.add("Unreadable drill record left out: " + f));
      Map<String, List<DrillHistory.Drill>> byTarget = new LinkedHashMap<>();
      int outside = 0;
      for (DrillRecord r : listing.records()) {
        Instant at = instant(r.startedAt());
        if (at == null) {
          notes.add("Drill record " + r.id() + " of " + env + " has no readable start time (" + r.startedAt()
              + "); left out");
          continue;
        }
        if (from != null && at.isBefore(from) || at.isAfter(to)) {
          outside++;
          continue;
        }
        byTarget.computeIfAbsent(r.target() == null ? "unknown target" : r.target(), k -> new ArrayList<>())
            .add(new DrillHistory.Drill(r.id(), at, r.mode(), r.outcome(), r.recoveryMillis(), r.lockfileCommit(),
                r.asked(), r.failureReason()));
      }
      if (byTarget.isEmpty()) {
        notes.add("No drill of " + env + " in the window under " + records.dir().resolve(env)
            + (outside > 0 ? " (" + outside + " outside it)" : "") + ".");
      }
      byTarget.forEach((target, drills) -> {
        drills.sort(Comparator.comparing(DrillHistory.Drill::startedAt));
        series.add(new DrillHistory.Series(env, target, drills));
      });
    }
    return new DrillHistory(series, notes);
  }

  private static Instant instant(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
