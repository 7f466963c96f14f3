package dev.phoenix.lockwrite;

import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lockfile written as JSON (or with flow collections spread over several lines) is valid YAML,
 * so validate accepts it; the line editor cannot edit inside such a collection. Such a file is
 * first rewritten in the house block style, same content, then edited: every writer accepts what
 * validate accepts.
 */
final class BlockStyle {
  private BlockStyle() {}

  /** {@code text} itself when the line editor can edit it, else the same document in block style. */
  static String editable(String text) {
    if (!needsRewrite(text)) {
      return text;
    }
    try {
      YamlNode root = SafeYaml.parse(text.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
      if (!(root instanceof YamlNode.MapNode map)) {
        return text;
      }
      List<String> lines = new ArrayList<>();
      map(map, 0, 0, lines);
      return String.join("\n", lines) + "\n";
    } catch (YamlException e) {
      return text; // the editor reports it
    }
  }

  /** The document starts with a flow map, or a line opens or continues a flow collection. */
  static boolean needsRewrite(String text) {
    for (String line : text.split("\r?\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("{")) {
        return true;
      }
      break;
    }
    for (String line : text.split("\r?\n")) {
      String t = line.strip();
      if (!t.startsWith("#") && (t.endsWith("{") || t.endsWith("[") || t.endsWith(","))) {
        return true;
      }
    }
    return false;
  }

  /** Maps down to an artefact entry or a config block are block maps; deeper ones are one-line flow maps. */
  private static void map(YamlNode.MapNode map, int indent, int depth, List<String> out) {
    for (Entry e : map.entries().values()) {
      String key = Render.spaces(indent) + Render.scalar(e.key()) + ":";
      YamlNode v = e.value();
      if (v instanceof YamlNode.MapNode m && !m.entries().isEmpty() && depth < 2) {
        out.add(key);
        map(m, indent + 2, depth + 1, out);
      } else if (v instanceof YamlNode.ListNode l && l.items().stream().anyMatch(i -> !(i instanceof YamlNode.Scalar))) {
        out.add(key);
        l.items().forEach(i -> out.add(Render.spaces(indent + 2) + "- " + Same.flow(i)));
      } else {
        out.add(key + " " + Same.flow(v));
      }
    }
  }
}
