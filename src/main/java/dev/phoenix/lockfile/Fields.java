package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.model.NameRules;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads of YAML nodes for one file; every mismatch becomes a located problem. */
final class Fields {
  private final String file;
  private final Problems problems;

  Fields(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  void problem(int line, String message, String fix) {
    problems.add(file, line, message, fix);
  }

  Optional<MapNode> map(YamlNode node, String path) {
    if (node instanceof MapNode m) {
      return Optional.of(m);
    }
    problem(node.line(), path + " must be a map, found " + node.describe(), "see docs/lockfile.md");
    return Optional.empty();
  }

  /** Flags every key not in {@code allowed}, suggesting the closest allowed one. */
  void onlyKnown(MapNode map, String path, Set<String> allowed) {
    for (Entry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        String where = path.isEmpty() ? "" : " in " + path;
        String guess = Suggest.closest(e.key(), allowed);
        problem(
            e.keyLine(),
            "unknown field '" + e.key() + "'" + where,
            guess == null
                ? "remove it; allowed: " + String.join(", ", allowed)
                : "did you mean '" + guess + "'?");
      }
    }
  }

  Optional<Entry> entry(MapNode map, String key, String path, boolean required) {
    Entry e = map.entries().get(key);
    if (e == null && required) {
      problem(map.line(), path + " has no '" + key + "'", "add " + key + ": to " + path);
    }
    return Optional.ofNullable(e);
  }

  /** A scalar field as text (numbers and booleans as written); null when absent or not scalar. */
  String text(MapNode map, String key, String path, boolean required) {
    Optional<Entry> e = entry(map, key, path, required);
    if (e.isEmpty()) {
      return null;
    }
    if (e.get().value() instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
      return s.text();
    }
    problem(
        e.get().keyLine(),
        path + "." + key + " must be a non-empty value, found " + e.get().value().describe(),
        "give " + key + " a value");
    return null;
  }

  /**
   * A whole-number field; null when absent or malformed (a problem is recorded when malformed): the
   * message says what was found (the number, or its kind) and the allowed range.
   */
  Long number(MapNode map, String key, String path, boolean required, long min, long max) {
    Optional<Entry> e = entry(map, key, path, required);
    if (e.isEmpty()) {
      return null;
    }
    String range = max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
    String field = path + "." + key;
    YamlNode node = e.get().value();
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.INTEGER) {
      if (!WHOLE.matcher(s.text()).matches()) {
        problem(e.get().keyLine(), field + " is written " + shortText(s.text()) + ", not as a plain decimal number",
            "write it in decimal digits, " + range + ", e.g. " + key + ": " + Math.max(min, 1));
        return null;
      }
      try {
        long value = Long.parseLong(s.text());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException ignored) {
        // longer than a long: out of range all the same
      }
      problem(e.get().keyLine(), field + " is " + shortText(s.text()) + ", outside the allowed range: " + range,
          "write a number " + range);
      return null;
    }
    String found = node instanceof Scalar s && s.kind() == Scalar.Kind.STRING && WHOLE.matcher(s.text().strip()).matches()
        ? "the text \"" + s.text() + "\" (in quotes)"
        : node instanceof Scalar s && s.kind() == Scalar.Kind.FLOAT ? "the decimal number " + shortText(s.text())
        : node.describe();
    problem(e.get().keyLine(), field + " must be a whole number " + range + ", found " + found,
        "write a plain number without quotes, e.g. " + key + ": " + Math.max(min, 1));
    return null;
  }

  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[-+]?[0-9]+");

  /** A number as written, cut short: never a wall of digits in a message. */
  private static String shortText(String text) {
    return text.length() <= 20 ? text : text.substring(0, 12) + "… (" + text.length() + " characters)";
  }

  List<String> strings(MapNode map, String key, String path, boolean required) {
    Optional<Entry> e = entry(map, key, path, required);
    if (e.isEmpty()) {
      return List.of();
    }
    if (!(e.get().value() instanceof ListNode list)) {
      problem(e.get().keyLine(), path + "." + key + " must be a list", "write " + key + ": [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof Scalar s && s.kind() == Scalar.Kind.STRING && !s.text().isBlank()) {
        out.add(s.text());
      } else {
        problem(item.line(), path + "." + key + " entries must be names", "write each as a plain name");
      }
    }
    return List.copyOf(out);
  }

  /** A list of names that must each follow {@code rule}; a name that does not is a problem and left out. */
  List<String> names(MapNode map, String key, String path, boolean required, NameRules rule) {
    List<String> names = strings(map, key, path, required);
    if (names.isEmpty()) {
      return names;
    }
    List<String> out = new ArrayList<>();
    List<YamlNode> items = ((ListNode) map.entries().get(key).value()).items();
    for (YamlNode item : items) {
      if (item instanceof Scalar s && s.kind() == Scalar.Kind.STRING && !s.text().isBlank()) {
        rule.problem(s.text()).ifPresentOrElse(
            p -> problem(item.line(), where(path, key) + ": " + p, "rename it (docs/lockfile.md, Names)"),
            () -> out.add(s.text()));
      }
    }
    return List.copyOf(out);
  }

  /** A name field that must follow {@code rule}; null (with a problem) when it does not. */
  String name(MapNode map, String key, String path, boolean required, NameRules rule) {
    String name = text(map, key, path, required);
    if (name == null) {
      return null;
    }
    var p = rule.problem(name);
    if (p.isPresent()) {
      problem(lineOf(map, key), where(path, key) + ": " + p.get(), "rename it (docs/lockfile.md, Names)");
      return null;
    }
    return name;
  }

  private static String where(String path, String key) {
    return path.startsWith("the ") ? key : path + "." + key;
  }

  /** Checks {@code apiVersion} and {@code kind} at the top of a document. */
  void header(MapNode root, String kind) {
    String api = text(root, "apiVersion", "the document", true);
    if (api != null && !api.equals("phoenix/v1")) {
      problem(lineOf(root, "apiVersion"), "apiVersion '" + api + "' is not supported", "use apiVersion: phoenix/v1");
    }
    String k = text(root, "kind", "the document", true);
    if (k != null && !k.equals(kind)) {
      problem(lineOf(root, "kind"), "kind '" + k + "' where " + kind + " was expected", "use kind: " + kind);
    }
  }

  static int lineOf(MapNode map, String key) {
    Entry e = map.entries().get(key);
    return e == null ? map.line() : e.keyLine();
  }

  static int valueLine(MapNode map, String key) {
    Entry e = map.entries().get(key);
    return e == null ? map.line() : e.value().line();
  }
}
