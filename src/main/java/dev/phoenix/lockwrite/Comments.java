package dev.phoenix.lockwrite;

/** Finds where a trailing YAML comment starts on one line, outside quotes. */
final class Comments {
  private Comments() {}

  /** Index of the '#' that starts a comment, or -1. A '#' starts a comment only after a space. */
  static int start(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (dbl && c == '\\') {
        i++;
        continue;
      }
      if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }
}
