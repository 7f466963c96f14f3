package dev.phoenix.lockfile;

import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.List;

/** Finds lines in an already-validated file, for problems that span two files. */
final class StackLines {
  private StackLines() {}

  static YamlNode tree(byte[] content) {
    try {
      return SafeYaml.parse(content, new ArrayList<>());
    } catch (YamlException e) {
      return null;
    }
  }

  /** Line of {@code name} in the lockfile's {@code stacks:} list. */
  static int lineOfStack(byte[] lockfile, String name) {
    return lineInList(tree(lockfile), "stacks", name);
  }

  static int lineInList(YamlNode root, String key, String value) {
    if (root instanceof MapNode m && m.entries().get(key) != null) {
      YamlNode list = m.entries().get(key).value();
      if (list instanceof ListNode l) {
        for (YamlNode item : l.items()) {
          if (item instanceof Scalar s && value.equals(s.text())) {
            return s.line();
          }
        }
      }
      return m.entries().get(key).keyLine();
    }
    return 0;
  }

  /** The map items of a top-level list such as {@code services}. */
  static List<MapNode> items(YamlNode root, String key) {
    List<MapNode> out = new ArrayList<>();
    if (root instanceof MapNode m && m.entries().get(key) != null
        && m.entries().get(key).value() instanceof ListNode l) {
      for (YamlNode item : l.items()) {
        if (item instanceof MapNode map) {
          out.add(map);
        }
      }
    }
    return out;
  }
}
