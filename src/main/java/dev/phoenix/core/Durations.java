package dev.phoenix.core;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags and policies: 45s, 30m, 12h, 90d, 2w. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,6})([smhdw])");

  private Durations() {}

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
}
