package dev.phoenix.lockwrite;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import java.util.List;

/** Top-level and nested map sections ({@code artefacts:}, {@code config:}, a config block). */
final class Sections {
  private Sections() {}

  /** Makes sure a top-level map section exists in block style (appended at the end when absent). */
  static LockText ensure(LockText text, String key) {
    Entry e = text.root().entries().get(key);
    if (e == null) {
      return text.insertAfter(text.size(), List.of(key + ":"));
    }
    return block(text, e, key);
  }

  /** An empty flow map ({@code key: {}}) or empty value becomes {@code key:} so children can be added. */
  static LockText block(LockText text, Entry e, String path) {
    if (LockText.isBlock(e)) {
      return text;
    }
    boolean empty = e.value() instanceof YamlNode.MapNode m && m.entries().isEmpty()
        || e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL;
    if (!empty) {
      throw PhoenixException.input(path + " is written as a one-line flow map",
          "write " + path + " as a block map (one entry per line) so Phoenix can edit it without rewriting it");
    }
    int indent = LockText.indent(text.line(e.keyLine()));
    return text.replaceEntry(e, List.of(Render.spaces(indent) + Render.scalar(e.key()) + ":"));
  }

  static YamlNode.MapNode map(Entry e, String path) {
    if (e.value() instanceof YamlNode.MapNode m) {
      return m;
    }
    if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
      return new YamlNode.MapNode(e.keyLine(), java.util.Map.of());
    }
    throw PhoenixException.input(path + " is not a map", "run phoenix validate");
  }
}
