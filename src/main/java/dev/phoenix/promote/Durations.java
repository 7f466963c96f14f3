package dev.phoenix.promote;

import java.time.Duration;
import java.util.Optional;

/** Durations as people write them in policies and flags: 45s, 30m, 12h, 90d, 2w. */
public final class Durations {
  private Durations() {}

  public static Optional<Duration> parse(String text) {
    return dev.phoenix.core.Durations.parse(text, "smhdw");
  }

  /** An age for messages, rounded down to its largest unit: 55d, 3h, 12m, 40s. */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86400) {
      return s / 86400 + "d";
    }
    if (s >= 3600) {
      return s / 3600 + "h";
    }
    return s >= 60 ? s / 60 + "m" : s + "s";
  }

  /** 90d, 36h, 5m, 12s: the largest unit that divides it. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
