package dev.phoenix.cli;

import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.report.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code phoenix drills} on stdout: one line per drill record, or JSON (docs/json.md). */
final class DrillsOutput {
  private DrillsOutput() {}

  static String json(String env, DrillRecords.Listing listing) {
    List<Object> items = new ArrayList<>(listing.records());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", env);
    m.put("records", items);
    return Json.write(m) + System.lineSeparator();
  }

  static String text(String env, Path dir, DrillRecords.Listing listing) {
    if (listing.records().isEmpty()) {
      return "no drill records for " + env + " under " + dir + System.lineSeparator();
    }
    StringBuilder b = new StringBuilder();
    for (DrillRecord r : listing.records()) {
      b.append(String.format(Locale.ROOT, "%s  %-8s %-20s recovery %10s%s  commit %s  at %s  by %s%s%n", r.startedAt(), r.target(),
          r.outcome(), StderrProgress.seconds(Duration.ofMillis(r.recoveryMillis())), rpo(r),
          r.lockfileCommit() == null ? "-" : r.lockfileCommit().substring(0, Math.min(12, r.lockfileCommit().length())),
          r.asked(), r.by(), r.failureReason() == null ? "" : "  (" + brief(r.failureReason()) + ")"));
    }
    return b.toString();
  }

  /** Beside the recovery time, each datastore's RPO achieved: {@code   RPO ledger-db 7h}. */
  private static String rpo(DrillRecord r) {
    StringBuilder b = new StringBuilder();
    for (DrillRecord.DataUsed d : r.data()) {
      b.append(b.length() == 0 ? "  RPO " : ", ").append(d.datastore()).append(' ')
          .append(d.rpoAchieved() == null ? "-" : d.rpoAchieved())
          .append(DrillRecord.DataUsed.RESTORED.equals(d.status()) ? "" : " (" + d.status() + ")");
    }
    return b.toString();
  }

  private static String brief(String reason) {
    return reason.length() <= 100 ? reason : reason.substring(0, 99) + "…";
  }
}
