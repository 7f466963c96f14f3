package dev.phoenix.core;

/**
 * The one escaper for markup Phoenix writes (the HTML page, JUnit XML of verify and drift): every
 * text that reaches an element or an attribute goes through {@link #text} or {@link #attr}. Both
 * escape {@code & < > " '}, so a value is safe in element content, in a quoted attribute and inside
 * inline SVG, and drop characters XML 1.0 cannot hold and C1 controls (the output stays well-formed).
 */
public final class Markup {
  private Markup() {}

  /** Escaped for element content. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (allowed(c)) {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.toString();
  }

  /** Escaped for a double-quoted attribute value; line breaks and tabs kept as character references. */
  public static String attr(String s) {
    return text(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
  }

  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF && !(c >= 0x7F && c <= 0x9F)
        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
  }
}
