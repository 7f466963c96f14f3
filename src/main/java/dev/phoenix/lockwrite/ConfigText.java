package dev.phoenix.lockwrite;

import dev.phoenix.model.ConfigSource;
import dev.phoenix.yaml.YamlNode.Entry;
import java.util.List;

/** Text edits of the {@code config:} section: one variable line at a time. */
final class ConfigText {
  private ConfigText() {}

  static LockText put(LockText text, String block, String variable, ConfigSource source) {
    text = Sections.ensure(text, "config");
    Entry section = text.root().entries().get("config");
    Entry blockEntry = Sections.map(section, "config").entries().get(block);
    if (blockEntry == null) {
      int indent = text.childIndent(section);
      return text.insertAfter(text.end(section), List.of(
          Render.spaces(indent) + Render.scalar(block) + ":",
          Render.spaces(indent + 2) + line(variable, source)));
    }
    text = Sections.block(text, blockEntry, "config." + block);
    section = text.root().entries().get("config");
    blockEntry = Sections.map(section, "config").entries().get(block);
    int indent = text.childIndent(blockEntry);
    List<String> lines = List.of(Render.spaces(indent) + line(variable, source));
    Entry old = Sections.map(blockEntry, "config." + block).entries().get(variable);
    if (old == null) {
      return text.insertAfter(text.end(blockEntry), lines);
    }
    return Same.as(old, lines, indent) ? text : text.replaceEntry(old, lines);
  }

  private static String line(String variable, ConfigSource source) {
    return Render.scalar(variable) + ": " + Render.config(source);
  }
}
