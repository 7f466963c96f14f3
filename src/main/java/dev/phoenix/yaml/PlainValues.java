package dev.phoenix.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML tree as plain Java maps, lists, strings, numbers and booleans, keys in file order. */
public final class PlainValues {
  private PlainValues() {}

  public static Object of(YamlNode node) {
    if (node instanceof YamlNode.MapNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().values().forEach(e -> out.put(e.key(), of(e.value())));
      return out;
    }
    if (node instanceof YamlNode.ListNode l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(i -> out.add(of(i)));
      return out;
    }
    YamlNode.Scalar s = (YamlNode.Scalar) node;
    return switch (s.kind()) {
      case INTEGER, FLOAT -> number(s.text());
      case BOOLEAN -> Boolean.parseBoolean(s.text());
      case NULL -> null;
      case STRING -> s.text();
    };
  }

  private static Object number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
