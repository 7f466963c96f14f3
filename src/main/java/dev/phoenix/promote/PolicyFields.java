package dev.phoenix.promote;

import dev.phoenix.core.Durations;

import dev.phoenix.core.Problems;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of policy fields; mismatches become located problems. */
final class PolicyFields {
  private final String file;
  private final Problems problems;

  PolicyFields(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  void problem(int line, String message, String fix) {
    problems.add(file, line, message, fix);
  }

  int line(MapNode m, String key) {
    Entry e = m.entries().get(key);
    return e == null ? m.line() : e.keyLine();
  }

  void onlyKnown(MapNode m, String where, Set<String> allowed) {
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problem(e.keyLine(), "unknown field '" + e.key() + "'" + (where.isEmpty() ? "" : " in " + where),
            "allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  String text(MapNode m, String key) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
      return s.text();
    }
    problem(e.keyLine(), key + " must be a non-empty value, found " + e.value().describe(), "give " + key + " a value");
    return null;
  }

  void expect(MapNode m, String key, String value) {
    String actual = text(m, key);
    if (actual == null && !m.entries().containsKey(key)) {
      problem(m.line(), "the policy has no " + key, "add " + key + ": " + value);
    } else if (actual != null && !actual.equals(value)) {
      problem(line(m, key), key + " '" + actual + "' where " + value + " was expected", "use " + key + ": " + value);
    }
  }

  Duration duration(MapNode m, String key) {
    String text = text(m, key);
    if (text == null) {
      return null;
    }
    var d = Durations.parse(text);
    if (d.isEmpty()) {
      problem(line(m, key), key + " '" + text + "' is not a duration", "write a number and a unit: 30m, 12h, 7d, 2w");
    }
    return d.orElse(null);
  }

  List<String> names(MapNode m, String key) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return List.of();
    }
    if (!(e.value() instanceof YamlNode.ListNode list)) {
      problem(e.keyLine(), key + " must be a list of names", "write " + key + ": [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING && !s.text().isBlank()) {
        out.add(s.text());
      } else {
        problem(item.line(), key + " entries must be names", "write each as a plain name");
      }
    }
    return List.copyOf(out);
  }
}
