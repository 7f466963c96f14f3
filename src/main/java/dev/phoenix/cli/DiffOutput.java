package dev.phoenix.cli;

import dev.phoenix.history.Comparison;
import dev.phoenix.history.Revision;
import dev.phoenix.history.Snapshot;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code phoenix diff} on stdout as text or JSON (docs/json.md), and its warning for an INVALID side. */
final class DiffOutput {
  private DiffOutput() {}

  static String text(Comparison c) {
    StringBuilder b = new StringBuilder();
    line(b, "--- " + c.from().environment() + " at " + c.from().commit().shortId() + " (" + c.from().commit().committedAt() + ")");
    line(b, "+++ " + c.to().environment() + " at " + c.to().commit().shortId() + " (" + c.to().commit().committedAt() + ")");
    if (c.changes().isEmpty()) {
      line(b, "no differences");
    }
    c.changes().forEach(change -> line(b, change.render()));
    return b.toString();
  }

  static String json(Comparison c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", side(c.from()));
    json.put("to", side(c.to()));
    json.put("changes", Views.changes(c.changes()));
    return Json.write(json) + System.lineSeparator();
  }

  /** For stderr: each INVALID side, compared as far as it could be read, is said to be invalid. */
  static String warnings(Comparison c) {
    return invalid(c.from(), c.before()) + invalid(c.to(), c.after());
  }

  private static String invalid(Revision r, Snapshot s) {
    int n = s.estate().problems().size();
    if (n == 0) {
      return "";
    }
    return "warning: " + r.environment() + " at " + r.commit().shortId() + " is INVALID (" + n
        + (n == 1 ? " problem" : " problems") + "; phoenix show --env " + r.environment() + " --at " + r.commit().shortId()
        + " lists them): compared as far as it could be read" + System.lineSeparator();
  }

  private static Map<String, Object> side(Revision r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", r.environment());
    m.put("commit", r.commit().id());
    m.put("committedAt", r.commit().committedAt().toString());
    return m;
  }

  private static void line(StringBuilder b, String text) {
    b.append(text).append(System.lineSeparator());
  }
}
