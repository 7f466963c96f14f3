package dev.phoenix.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The page's formatting helpers (times, numbers for SVG coordinates); every text that reaches the
 * HTML is escaped by {@link dev.phoenix.core.Markup}, the one escaper of Phoenix's markup.
 */
public final class Html {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Html() {}

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
}
