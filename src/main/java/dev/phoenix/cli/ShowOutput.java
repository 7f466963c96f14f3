package dev.phoenix.cli;

import dev.phoenix.core.Problem;
import dev.phoenix.history.Revision;
import dev.phoenix.history.Snapshot;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code phoenix show} on stdout (the files as committed, or JSON: docs/json.md) and its INVALID report for stderr. */
final class ShowOutput {
  private ShowOutput() {}

  static String text(Revision revision, Snapshot snapshot) {
    StringBuilder b = new StringBuilder();
    line(b, "# " + revision.environment() + " at " + revision.asked().explain());
    line(b, "# commit " + revision.commit().id() + " committed " + revision.commit().committedAt()
        + " by " + revision.commit().author() + ": " + revision.commit().subject());
    line(b, "# --- " + snapshot.lockPath());
    if (snapshot.lockNode() == null) {
      line(b, Snapshot.UNREADABLE);
    } else {
      b.append(snapshot.lockText());
    }
    for (var stack : snapshot.stackTexts().entrySet()) {
      line(b, "# --- " + stack.getKey());
      b.append(stack.getValue());
    }
    return b.toString();
  }

  static String json(String asked, Revision revision, Snapshot snapshot) {
    List<Problem> problems = snapshot.estate().problems();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", revision.environment());
    json.put("asked", asked);
    json.put("understoodAs", revision.asked().explain());
    json.put("commit", revision.commit().id());
    json.put("committedAt", revision.commit().committedAt().toString());
    json.put("author", revision.commit().author());
    json.put("subject", revision.commit().subject());
    json.put("valid", problems.isEmpty());
    json.put("problems", problems.stream().map(Views::problem).toList());
    json.put("lock", snapshot.lockTree());
    json.put("stacks", snapshot.stackTrees());
    return Json.write(json) + System.lineSeparator();
  }

  /** For stderr: why the revision is not restorable as written, every problem; empty when valid. */
  static String problems(Revision revision, Snapshot snapshot) {
    List<Problem> problems = snapshot.estate().problems();
    if (problems.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    line(b, "error: " + revision.environment() + " at commit " + revision.commit().shortId()
        + " is INVALID, not restorable as written (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):");
    problems.forEach(p -> line(b, "  " + p.render()));
    return b.toString();
  }

  private static void line(StringBuilder b, String text) {
    b.append(text).append(System.lineSeparator());
  }
}
