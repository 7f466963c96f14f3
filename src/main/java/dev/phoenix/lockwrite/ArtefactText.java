package dev.phoenix.lockwrite;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text edits of the {@code artefacts:} section. */
final class ArtefactText {
  private ArtefactText() {}

  static LockText put(LockText text, Artefact a) {
    text = Sections.ensure(text, "artefacts");
    Entry section = text.root().entries().get("artefacts");
    YamlNode.MapNode map = Sections.map(section, "artefacts");
    Entry old = map.entries().get(a.name());
    if (old == null) {
      return text.insertAfter(text.end(section), ArtefactLines.entry(a.name(), a, text.childIndent(section)));
    }
    int indent = LockText.indent(text.line(old.keyLine()));
    if (!LockText.isBlock(old) || !sameType(old, a)) {
      return text.replaceEntry(old, ArtefactLines.entry(a.name(), a, indent));
    }
    Map<String, List<String>> fields = ArtefactLines.fields(a, text.childIndent(old));
    for (String key : List.copyOf(fieldsOf(old))) {
      if (!fields.containsKey(key)) {
        text = text.removeEntry(fieldsEntry(text, a.name(), key));
      }
    }
    String previous = null;
    for (var field : fields.entrySet()) {
      Entry artefact = artefact(text, a.name());
      int childIndent = text.childIndent(artefact);
      List<String> lines = ArtefactLines.fields(a, childIndent).get(field.getKey());
      Entry current = ((YamlNode.MapNode) artefact.value()).entries().get(field.getKey());
      if (current == null) {
        Entry after = previous == null ? null : fieldsEntry(text, a.name(), previous);
        text = text.insertAfter(after == null ? artefact.keyLine() : text.end(after), lines);
      } else if (!Same.as(current, lines, childIndent)) {
        text = text.replaceEntry(current, lines);
      }
      previous = field.getKey();
    }
    return text;
  }

  static LockText addAssurance(LockText text, String name, Assurance record) {
    Entry artefact = artefact(text, name);
    if (!LockText.isBlock(artefact)) {
      throw PhoenixException.input("artefact " + name + " is written on one line",
          "write it as a block map (one field per line) so records can be appended");
    }
    int childIndent = text.childIndent(artefact);
    Entry trail = ((YamlNode.MapNode) artefact.value()).entries().get("assurance");
    String item = "- " + Render.assurance(record);
    if (trail == null) {
      return text.insertAfter(text.end(artefact),
          List.of(Render.spaces(childIndent) + "assurance:", Render.spaces(childIndent + 2) + item));
    }
    if (LockText.isBlock(trail)) {
      YamlNode first = ((YamlNode.ListNode) trail.value()).items().get(0);
      int itemIndent = LockText.indent(text.line(first.line()));
      return text.insertAfter(text.end(trail), List.of(Render.spaces(itemIndent) + item));
    }
    List<String> lines = new ArrayList<>();
    lines.add(Render.spaces(childIndent) + "assurance:");
    if (trail.value() instanceof YamlNode.ListNode list) {
      list.items().forEach(i -> lines.add(Render.spaces(childIndent + 2) + "- " + Same.flow(i)));
    }
    lines.add(Render.spaces(childIndent + 2) + item);
    return text.replaceEntry(trail, lines);
  }

  private static boolean sameType(Entry old, Artefact a) {
    Entry type = ((YamlNode.MapNode) old.value()).entries().get("type");
    return type != null && type.value() instanceof YamlNode.Scalar s && a.type().equals(s.text());
  }

  private static List<String> fieldsOf(Entry artefact) {
    return new ArrayList<>(((YamlNode.MapNode) artefact.value()).entries().keySet());
  }

  private static Entry fieldsEntry(LockText text, String name, String field) {
    return ((YamlNode.MapNode) artefact(text, name).value()).entries().get(field);
  }

  static Entry artefact(LockText text, String name) {
    Entry section = text.root().entries().get("artefacts");
    Entry e = section == null ? null : Sections.map(section, "artefacts").entries().get(name);
    if (e == null || !(e.value() instanceof YamlNode.MapNode)) {
      throw PhoenixException.input("artefact " + name + " is not in the lockfile", "lock it first (phoenix lock)");
    }
    return e;
  }
}
