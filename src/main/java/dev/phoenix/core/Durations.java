package dev.phoenix.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in flags and policies (45s, 30m, 12h, 90d, 2w) and as Phoenix
 * prints them. The one parser of such durations: every option and policy field goes through it.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,6})([smhdw])");

  /** Units for a window (`--since`): hours, days or weeks. */
  public static final String WINDOW = "hdw";
  /** Units for a deadline or a wait: seconds, minutes or hours. */
  public static final String DEADLINE = "smh";
  /** Every unit. */
  public static final String ANY = "smhdw";

  private Durations() {}

  /** The time elapsed since {@code startNanos}, a {@link System#nanoTime()} reading: how every phase is timed. */
  public static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Empty unless the text is a number followed by one of {@code units} (a subset of "smhdw"). */
  public static Optional<Duration> parse(String text, String units) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches() || units.indexOf(m.group(2).charAt(0)) < 0) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    });
  }

  /** Any unit. */
  public static Optional<Duration> parse(String text) {
    return parse(text, ANY);
  }

  /** A positive duration for {@code option}, or a usage error naming the option and the units it takes. */
  public static Duration option(String text, String option, String units) {
    return parse(text, units).filter(d -> !d.isZero()).orElseThrow(() -> notADuration(text, option, units, "positive"));
  }

  /** As {@link #option}, where zero means "not at all" ({@code --lock-wait 0s}: do not wait). */
  public static Duration optionOrZero(String text, String option, String units) {
    return parse(text, units).orElseThrow(() -> notADuration(text, option, units, "whole"));
  }

  private static PhoenixException notADuration(String text, String option, String units, String kind) {
    return PhoenixException.input(option + " '" + text + "' is not a duration",
        "write a " + kind + " number followed by one of " + String.join("/", units.split("")) + " (e.g. "
            + (units.contains("d") ? "90d, 36h, 4w" : "10m, 90s, 1h") + ")");
  }

  /** An age for messages, rounded down to its largest unit: 55d, 3h, 12m, 40s. */
  public static String age(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86400) {
      return s / 86400 + "d";
    }
    if (s >= 3600) {
      return s / 3600 + "h";
    }
    return s >= 60 ? s / 60 + "m" : s + "s";
  }

  /** 90d, 36h, 5m, 12s: the largest unit that divides it (the form {@link #parse} reads back). */
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

  /** Every unit that is not zero, largest first: {@code 1d 7h 5m}, {@code 7h}, {@code 45s}, {@code 0s}. */
  public static String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    StringBuilder out = new StringBuilder();
    long[] sizes = {86400, 3600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        out.append(out.length() == 0 ? "" : " ").append(s / sizes[i]).append(units[i]);
        s %= sizes[i];
      }
    }
    return out.length() == 0 ? "0s" : out.toString();
  }

  /** "4.2 s", "850 ms", "3 min 5 s": an elapsed time for people. */
  public static String elapsed(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
  }
}
