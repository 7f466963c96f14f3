package dev.phoenix.verify;

import dev.phoenix.core.PhoenixException;
import java.time.Duration;

/** Parses the short durations verify takes: {@code 90d}, {@code 12h}, {@code 2w}, {@code 10m}, {@code 30s}. */
public final class Durations {
  private Durations() {}

  /** Window lengths for {@code --since}: hours, days or weeks. */
  public static Duration window(String text) {
    return parse(text, "--since", "hdw");
  }

  /** Run deadlines for {@code --deadline}: seconds, minutes or hours. */
  public static Duration deadline(String text) {
    return parse(text, "--deadline", "smh");
  }

  private static Duration parse(String text, String option, String units) {
    return dev.phoenix.core.Durations.parse(text, units).filter(d -> !d.isZero()).orElseThrow(() ->
        PhoenixException.input(option + " '" + text + "' is not a duration",
            "write a positive number followed by one of " + String.join("/", units.split("")) + " (e.g. "
                + (units.contains("d") ? "90d, 36h, 4w" : "10m, 90s, 1h") + ")"));
  }

  /** "4.2 s", "850 ms", "3 min 5 s": for people. */
  public static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
  }
}
