package dev.phoenix.verify.report;

/** XML escaping for attribute values and text; characters XML 1.0 cannot hold are dropped. */
public final class Xml {
  private Xml() {}

  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        default -> {
          if (allowed(c)) {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.toString();
  }

  public static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;");
  }

  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }
}
