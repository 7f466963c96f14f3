package dev.phoenix.yaml;

import java.util.List;
import java.util.Map;

/** A YAML document tree that remembers the line of every node, so problems can point at it. */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {

  /** 1-based line where the node starts. */
  int line();

  /** A short word for messages: "a map", "a list", "a string", ... */
  String describe();

  /** A mapping; entries keep the order of the file. */
  record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
    @Override
    public String describe() {
      return "a map";
    }
  }

  /** One key of a mapping with the line the key is on. */
  record Entry(String key, int keyLine, YamlNode value) {}

  record ListNode(int line, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar. {@code text} is null for YAML null; {@code kind} records how YAML typed it, so a
   * quoted "7" and a bare 7 can be told apart where it matters. {@code written}: the text exactly
   * as written, never null ({@code ~}, {@code null} or "" for a YAML null; {@code off}, {@code 012345}
   * as they stand): what a config value is, whatever a YAML reader would make of it.
   */
  record Scalar(int line, String text, Kind kind, String written) implements YamlNode {
    public Scalar(int line, String text, Kind kind) {
      this(line, text, kind, text == null ? "" : text);
    }

    public enum Kind {
      STRING,
      INTEGER,
      FLOAT,
      BOOLEAN,
      NULL
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "a string";
        case INTEGER -> "a whole number";
        case FLOAT -> "a decimal number";
        case BOOLEAN -> "true/false";
        case NULL -> "empty";
      };
    }
  }
}
