package dev.phoenix.lockwrite;

import dev.phoenix.yaml.PlainValues;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Whether an entry already means what freshly rendered lines would mean, so it can be left alone. */
final class Same {
  private Same() {}

  static boolean as(Entry old, List<String> rendered, int indent) {
    StringBuilder doc = new StringBuilder();
    for (String line : rendered) {
      doc.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    try {
      YamlNode node = SafeYaml.parse(doc.toString().getBytes(StandardCharsets.UTF_8), new ArrayList<>());
      if (node instanceof YamlNode.MapNode m && m.entries().size() == 1) {
        Entry fresh = m.entries().values().iterator().next();
        return fresh.key().equals(old.key())
            && Objects.equals(PlainValues.of(fresh.value()), PlainValues.of(old.value()));
      }
      return false;
    } catch (YamlException e) {
      return false;
    }
  }

  /** A whole node re-rendered as one flow value (for turning a flow list into a block list). */
  static String flow(YamlNode node) {
    if (node instanceof YamlNode.MapNode m) {
      List<String> parts = new ArrayList<>();
      m.entries().values().forEach(e -> parts.add(Render.scalar(e.key()) + ": " + flow(e.value())));
      return "{" + String.join(", ", parts) + "}";
    }
    if (node instanceof YamlNode.ListNode l) {
      List<String> parts = new ArrayList<>();
      l.items().forEach(i -> parts.add(flow(i)));
      return "[" + String.join(", ", parts) + "]";
    }
    YamlNode.Scalar s = (YamlNode.Scalar) node;
    return switch (s.kind()) {
      case STRING -> Render.scalar(s.text());
      case NULL -> "null";
      default -> s.text();
    };
  }
}
