package dev.phoenix.cli;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.util.LinkedHashMap;
import java.util.Map;

/** What lock, attest, promote and rollback print after a write: text for people, JSON for scripts. */
final class WriteOutput {
  private WriteOutput() {}

  /** {@code committed}: the commit made under the write lock, or null. */
  static String render(WriteResult r, CommitInfo committed, boolean json) {
    StringBuilder out = new StringBuilder();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", r.environment());
      m.put("file", r.path());
      m.put("changed", r.changed());
      m.put("changes", Views.changes(r.changes()));
      m.put("commit", committed == null ? null : committed.id());
      out.append(Json.write(m)).append('\n');
    } else if (!r.changed()) {
      out.append(r.path()).append(": already up to date, nothing written\n");
    } else {
      out.append("wrote ").append(r.path()).append('\n');
      r.changes().forEach(c -> out.append("  ").append(c.render()).append('\n'));
      if (committed != null) {
        out.append("committed ").append(committed.shortId()).append(": ").append(committed.subject()).append('\n');
      }
    }
    return out.toString();
  }
}
