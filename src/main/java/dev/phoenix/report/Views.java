package dev.phoenix.report;

import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.history.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Phoenix values into the JSON shapes documented in docs/json.md. */
public final class Views {
  private Views() {}

  public static Map<String, Object> problem(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("message", p.message());
    m.put("fix", p.fix());
    return m;
  }

  public static Map<String, Object> commit(CommitInfo c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commit", c.id());
    m.put("committedAt", c.committedAt().toString());
    m.put("author", c.author());
    m.put("subject", c.subject());
    return m;
  }

  public static Map<String, Object> change(Change c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", c.kind().name().toLowerCase().replace('_', '-'));
    m.put("subject", c.subject());
    m.put("from", c.from());
    m.put("to", c.to());
    return m;
  }

  public static List<Object> changes(List<Change> changes) {
    List<Object> out = new ArrayList<>();
    changes.forEach(c -> out.add(change(c)));
    return out;
  }
}
