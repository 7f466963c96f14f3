package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problems;
import dev.phoenix.lockfile.EstateFiles;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.NameRules;
import dev.phoenix.yaml.Foreign;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code environments/<env>/targets.yaml} from the working tree (schema in
 * docs/rebuild.md): {@code apiVersion: phoenix/v1}, {@code kind: Targets}, and {@code targets:} a
 * map from target word to that target's options, flattened to dotted keys with their lines. The
 * file is optional; a target checks its own keys. Problems are reported with line numbers.
 */
public final class TargetsFile {
  public static final String KIND = "Targets";
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "targets");

  private TargetsFile() {}

  public static String path(String environment) {
    return "environments/" + environment + "/targets.yaml";
  }

  public static TargetSettings read(Path workTree, String environment, String target) {
    NameRules.ENVIRONMENT.require(environment, "--env");
    String rel = path(environment);
    EstateFiles.Lookup lookup = new WorkingTreeFiles(workTree).lookup(rel);
    if (lookup.refusal().isPresent()) {
      throw PhoenixException.input(EstateFiles.refusedMessage(rel, lookup.refusal().get()),
          "commit the targets file itself in its place, inside the repository");
    }
    return lookup.isAbsent() ? TargetSettings.empty(rel) : parse(rel, lookup.content(), target);
  }

  /** Throws an INPUT error listing every problem of the file. */
  public static TargetSettings parse(String rel, byte[] bytes, String target) {
    Problems problems = new Problems();
    Map<String, TargetSettings.Setting> values = new LinkedHashMap<>();
    List<YamlException> duplicates = new ArrayList<>();
    try {
      YamlNode root = SafeYaml.parse(bytes, duplicates);
      var foreign = Foreign.check(root, "the targets file", KIND);
      if (foreign.isPresent()) { // quotes nothing of a file that is not Phoenix's
        problems.add(rel, foreign.get().line(), foreign.get().getMessage(), foreign.get().fix());
      } else {
        duplicates.forEach(d -> problems.add(rel, d.line(), d.getMessage(), d.fix()));
        YamlNode.MapNode map = (YamlNode.MapNode) root;
        header(rel, map, problems);
        YamlNode.Entry targets = map.entries().get("targets");
        if (targets == null) {
          problems.add(rel, map.line(), "targets: is missing", "add targets: with one map per target (aws: {...})");
        } else if (!(targets.value() instanceof YamlNode.MapNode t)) {
          problems.add(rel, targets.keyLine(), "targets: must be a map of target name to options", null);
        } else {
          YamlNode.Entry mine = t.entries().get(target);
          if (mine != null) {
            flatten(rel, "", mine.value(), mine.keyLine(), values, problems);
          }
        }
      }
    } catch (YamlException e) {
      problems.add(rel, e.line(), e.getMessage(), e.fix());
    }
    TargetSettings.requireNone(problems.list(), rel);
    return new TargetSettings(rel, values);
  }

  private static void header(String rel, YamlNode.MapNode map, Problems problems) {
    for (YamlNode.Entry e : map.entries().values()) {
      if (!TOP.contains(e.key())) {
        problems.add(rel, e.keyLine(), "unknown key '" + e.key() + "'", "known keys: apiVersion, kind, targets");
      }
    }
    expect(rel, map, "apiVersion", "phoenix/v1", problems);
    expect(rel, map, "kind", KIND, problems);
  }

  private static void expect(String rel, YamlNode.MapNode map, String key, String want, Problems problems) {
    YamlNode.Entry e = map.entries().get(key);
    String got = e != null && e.value() instanceof YamlNode.Scalar s ? s.text() : null;
    if (!want.equals(got)) {
      problems.add(rel, e == null ? map.line() : e.keyLine(),
          key + " must be " + want + (got == null ? "" : ", not '" + got + "'"), "write " + key + ": " + want);
    }
  }

  private static void flatten(String rel, String prefix, YamlNode node, int line,
      Map<String, TargetSettings.Setting> out, Problems problems) {
    if (node instanceof YamlNode.MapNode m) {
      for (YamlNode.Entry e : m.entries().values()) {
        flatten(rel, prefix.isEmpty() ? e.key() : prefix + "." + e.key(), e.value(), e.keyLine(), out, problems);
      }
    } else if (node instanceof YamlNode.Scalar s) {
      if (s.text() == null) {
        problems.add(rel, line, (prefix.isEmpty() ? "target" : prefix) + " is empty", "give it a value or remove it");
      } else if (prefix.isEmpty()) {
        problems.add(rel, line, "a target's options must be a map", null);
      } else {
        out.put(prefix, new TargetSettings.Setting(s.text(), s.line()));
      }
    } else {
      problems.add(rel, line, prefix + " is a list; target options are maps and single values", null);
    }
  }
}
