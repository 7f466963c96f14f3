package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One target's options, flattened to dotted keys ({@code region}, {@code state.bucket}, {@code
 * sizes.payments-api.cpu}): first from {@code environments/<env>/targets.yaml} (each with its
 * line), then overridden by command-line flags. Never from the lockfile or blueprints.
 *
 * @param file the targets file these came from (for problems), e.g. {@code
 *     environments/prod/targets.yaml}
 * @param values key to setting
 */
public record TargetSettings(String file, Map<String, Setting> values) {

  /** A value and where it came from: line > 0 in {@link #file}, or 0 for a command-line flag. */
  public record Setting(String value, int line) {}

  public TargetSettings {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static TargetSettings empty(String file) {
    return new TargetSettings(file, Map.of());
  }

  /** These settings with {@code flags} (line 0) replacing file values of the same key. */
  public TargetSettings withFlags(Map<String, String> flags) {
    Map<String, Setting> merged = new LinkedHashMap<>(values);
    flags.forEach((k, v) -> {
      if (v != null) {
        merged.put(k, new Setting(v, 0));
      }
    });
    return new TargetSettings(file, merged);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).map(Setting::value);
  }

  public int line(String key) {
    Setting s = values.get(key);
    return s == null ? 0 : s.line();
  }

  /** Keys under {@code prefix.}, without the prefix, e.g. {@code under("sizes")}. */
  public Map<String, Setting> under(String prefix) {
    Map<String, Setting> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix + ".")) {
        out.put(k.substring(prefix.length() + 1), v);
      }
    });
    return out;
  }

  /** A problem located at the setting (its line, or "flag --x" when it came from a flag). */
  public Problem problem(String key, String message, String fix) {
    Setting s = values.get(key);
    String where = s != null && s.line() == 0 ? "command line" : file;
    return Problem.at(where, s == null ? 0 : s.line(), key + ": " + message, fix);
  }

  /** Problems for every key not in {@code known} (exact keys, or prefixes ending with '.'). */
  public List<Problem> unknownKeys(Set<String> known) {
    List<Problem> out = new ArrayList<>();
    for (String key : values.keySet()) {
      boolean ok = known.contains(key) || known.stream().anyMatch(k -> k.endsWith(".") && key.startsWith(k));
      if (!ok) {
        out.add(problem(key, "unknown setting", "known: " + String.join(", ", new TreeSet<>(known))));
      }
    }
    return out;
  }

  /** Throws an INPUT error listing every problem, when there are any. */
  public static void requireNone(List<Problem> problems, String what) {
    if (!problems.isEmpty()) {
      StringBuilder s = new StringBuilder(what + " has " + problems.size() + " problem(s):");
      problems.forEach(p -> s.append("\n  ").append(p.render()));
      throw PhoenixException.input(s.toString(), "fix the target options (docs/rebuild.md#targetsyaml)");
    }
  }
}
