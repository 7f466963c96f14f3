package dev.phoenix.cli;

import dev.phoenix.history.Change;
import dev.phoenix.history.HistoryEntry;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code phoenix history} on stdout: one line per commit with its changes, or JSON (docs/json.md). */
final class HistoryOutput {
  private HistoryOutput() {}

  static String text(List<HistoryEntry> entries) {
    StringBuilder b = new StringBuilder();
    for (HistoryEntry e : entries) {
      b.append(e.commit().shortId()).append("  ").append(e.commit().committedAt()).append("  ")
          .append(e.commit().author()).append("  ").append(e.commit().subject()).append(System.lineSeparator());
      for (Change c : e.changes()) {
        b.append("    ").append(c.render()).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  static String json(String environment, List<HistoryEntry> entries) {
    List<Object> list = new ArrayList<>();
    for (HistoryEntry e : entries) {
      Map<String, Object> m = Views.commit(e.commit());
      m.put("changes", Views.changes(e.changes()));
      list.add(m);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    json.put("entries", list);
    return Json.write(json) + System.lineSeparator();
  }
}
