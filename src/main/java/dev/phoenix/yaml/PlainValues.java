package dev.phoenix.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML tree as plain Java maps, lists, strings, numbers and booleans, keys in file order. Only
 * what every YAML reader agrees on becomes a number or a boolean: whole and decimal numbers in
 * plain decimal ({@code 8080}, {@code -1}, {@code 0.5}) and {@code true}/{@code false}; an empty value,
 * {@code ~} and {@code null} are null. Everything else is its text exactly as written: {@code off},
 * {@code yes}, {@code 012345}, {@code 0x1F}, {@code 1e3}, {@code .inf}, {@code 1_000}, {@code +12}.
 */
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
      case INTEGER, FLOAT -> DECIMAL.matcher(s.text()).matches() ? new BigDecimal(s.text()) : s.text();
      case BOOLEAN -> s.text().equals("true") || s.text().equals("false") ? Boolean.valueOf(s.text()) : s.text();
      case NULL -> null;
      case STRING -> s.text();
    };
  }

  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
}
