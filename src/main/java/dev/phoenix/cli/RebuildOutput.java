package dev.phoenix.cli;

import dev.phoenix.rebuild.Deployed;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.RebuildResult;
import dev.phoenix.report.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rebuild's final summary on stdout: text, or JSON (the drill record plus where it is). */
final class RebuildOutput {
  private RebuildOutput() {}

  static void print(PrintWriter out, RebuildResult result, boolean json) {
    DrillRecord r = result.record();
    List<String> notes = result.prepared() == null ? List.of() : result.prepared().notes();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("recordFile", result.recordFile().toString());
      m.put("cacheHit", result.prepared() != null && result.prepared().cacheHit());
      m.put("notes", notes);
      m.put("record", r);
      out.println(Json.write(m));
      out.flush();
      return;
    }
    out.println("rebuild " + r.environment() + " --target " + r.target() + " at " + r.asked()
        + (r.region() == null ? "" : " in " + r.region()) + ": " + r.outcome()
        + " (" + r.mode() + ")");
    out.println("  commit " + r.lockfileCommit() + " of " + r.committedAt() + " (" + r.understoodAs() + ")");
    StringBuilder phases = new StringBuilder();
    for (DrillRecord.Phase p : r.phases()) {
      phases.append(phases.length() == 0 ? "" : ", ").append(p.name()).append(' ')
          .append(StderrProgress.seconds(Duration.ofMillis(p.durationMillis())));
    }
    out.println("  phases: " + phases + "; recovery time " + StderrProgress.seconds(Duration.ofMillis(r.recoveryMillis())));
    for (DrillRecord.PreflightIssue i : r.preflight()) {
      out.println("  preflight " + i.status() + ": " + i.reference() + " — " + i.reason());
    }
    if (result.prepared() != null) {
      out.println("  synthesized " + result.prepared().stacks().size() + " stack(s)"
          + (result.prepared().cacheHit() ? " (cache hit: unchanged inputs)" : ""));
    }
    for (String m : r.materialized()) {
      out.println(("apply".equals(r.mode()) ? "  materialized " : "  to materialize ") + m); // a plan writes nothing
    }
    for (Deployed.StackRun s : r.stacks()) {
      out.println("  stack " + s.name() + ": " + (s.planned() == null ? "not planned" : "planned " + s.planned())
          + (s.applied() == null ? "" : "; applied " + s.applied()));
    }
    for (DrillRecord.DataUsed d : r.data()) {
      out.println("  datastore " + d.datastore() + ": " + d.status()
          + (d.backup() == null ? "" : " " + d.backup() + (d.sha256() == null ? "" : " sha256 " + d.sha256()))
          + (d.takenAt() == null ? "" : ", taken " + d.takenAt())
          + (d.rpoAchieved() == null ? "" : ", RPO achieved " + d.rpoAchieved())
          + (d.restoreMillis() == null ? "" : ", restore " + StderrProgress.seconds(Duration.ofMillis(d.restoreMillis())))
          + (d.probeCount() == null ? "" : ", probe count " + d.probeCount()));
    }
    notes.forEach(n -> out.println("  note: " + n));
    if (r.failureReason() != null) {
      out.println("  reason: " + r.failureReason());
    }
    out.println("  record: " + result.recordFile());
    out.flush();
  }
}
