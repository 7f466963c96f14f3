package dev.phoenix.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: {@code Bearer realm="…",service="…",scope="…"} or
 * {@code Basic realm="…"}. Parameter names are lower-cased; quoted values may contain commas and
 * backslash escapes.
 */
public record Challenge(String scheme, Map<String, String> params) {

  public boolean isBearer() {
    return scheme.equalsIgnoreCase("bearer");
  }

  public boolean isBasic() {
    return scheme.equalsIgnoreCase("basic");
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Empty when the header is blank or has no scheme. */
  public static Optional<Challenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String text = header.trim();
    int space = text.indexOf(' ');
    String scheme = space < 0 ? text : text.substring(0, space);
    if (scheme.isEmpty() || scheme.contains("=") || scheme.contains(",")) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = eq + 1;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          char c = text.charAt(i);
          if (c == '\\' && i + 1 < text.length()) {
            c = text.charAt(++i);
          }
          value.append(c);
          i++;
        }
        i++; // closing quote
      } else {
        while (i < text.length() && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      params.put(name, value.toString().trim());
    }
    return Optional.of(new Challenge(scheme, Map.copyOf(params)));
  }
}
