package dev.phoenix.yaml;

import java.nio.charset.StandardCharsets;

/**
 * Explains the parser's syntax error for a key longer than it accepts ("mapping values are not
 * allowed here" on a 10,000-character name): says how long the key is and what the limit is.
 */
final class LongKeys {
  private LongKeys() {}

  /**
   * The clear problem for the first line holding an over-long key, else null. Looks at every line:
   * the parser places the error at the key or at the line before it.
   */
  static YamlException find(byte[] content) {
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].length() > SafeYaml.MAX_KEY_CHARS) {
        YamlException e = at(lines[i], i + 1);
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }

  private static YamlException at(String text, int line) {
    String key = text.stripLeading();
    if (key.startsWith("- ")) {
      key = key.substring(2).stripLeading();
    }
    int colon = key.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String name = key.substring(0, colon).strip();
    int length = name.codePointCount(0, name.length());
    if (length <= SafeYaml.MAX_KEY_CHARS) {
      return null;
    }
    return new YamlException(line, "a key of " + length + " characters; a key may be at most "
        + SafeYaml.MAX_KEY_CHARS + " characters long", "shorten it (names in docs/lockfile.md have lower limits still)");
  }
}
