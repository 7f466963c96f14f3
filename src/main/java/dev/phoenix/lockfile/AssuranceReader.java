package dev.phoenix.lockfile;

import dev.phoenix.model.Assurance;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code assurance:} audit trail of an artefact. */
final class AssuranceReader {
  static final Set<String> RESULTS = Set.of("passed", "failed", "skipped");
  private static final Set<String> FIELDS = Set.of("step", "result", "at", "evidence");

  private AssuranceReader() {}

  static List<Assurance> read(Fields f, MapNode artefact, String path) {
    var entry = f.entry(artefact, "assurance", path, false);
    if (entry.isEmpty()) {
      return List.of();
    }
    if (!(entry.get().value() instanceof ListNode list)) {
      f.problem(entry.get().keyLine(), path + ".assurance must be a list",
          "write assurance: [{step: unit-tests, result: passed, at: <time>, evidence: <url>}]");
      return List.of();
    }
    List<Assurance> out = new ArrayList<>();
    int index = 0;
    for (YamlNode item : list.items()) {
      String p = path + ".assurance[" + index++ + "]";
      f.map(item, p).ifPresent(m -> {
        f.onlyKnown(m, p, FIELDS);
        String step = f.text(m, "step", p, true);
        String result = f.text(m, "result", p, true);
        if (result != null && !RESULTS.contains(result)) {
          f.problem(Fields.lineOf(m, "result"), p + ".result '" + result + "' is not a known result",
              "use passed, failed or skipped");
        }
        String atText = f.text(m, "at", p, true);
        Instant at = null;
        if (atText != null) {
          try {
            at = Instant.parse(atText);
          } catch (DateTimeParseException e) {
            f.problem(Fields.lineOf(m, "at"), p + ".at '" + atText + "' is not an ISO-8601 UTC time",
                "write e.g. 2026-11-20T09:58:00Z");
          }
        }
        String evidence = f.text(m, "evidence", p, false);
        out.add(new Assurance(step, result, at, evidence));
      });
    }
    return List.copyOf(out);
  }
}
