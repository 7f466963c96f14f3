package dev.phoenix.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one escaping helper of the page: every text that reaches the HTML goes through {@link #text}
 * or {@link #attr}. Both escape {@code & < > " '} so a value is safe in text, in a quoted attribute
 * and inside inline SVG, and drop characters XML 1.0 cannot hold (the page stays well-formed XHTML).
 */
public final class Html {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Html() {}

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

  /** "2026-10-03 10:12" (UTC, to the minute); null: "now". */
  public static String time(Instant t) {
    return t == null ? "now" : MINUTE.format(t);
  }

  /** A number for the SVG coordinates: at most two decimals, a dot, never an exponent. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return "-0".equals(s) ? "0" : s;
  }

  /** Seconds with one decimal: "41.3". */
  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF && !(c >= 0x7F && c <= 0x9F)
        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
  }
}
