package dev.phoenix.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A time axis from {@code from} to {@code to} mapped onto {@code [x0, x0 + width]} pixels, with UTC ticks. */
record Axis(Instant from, Instant to, double x0, double width) {
  private static final long[] STEPS_HOURS = {1, 3, 6, 12, 24, 48, 7 * 24, 14 * 24, 28 * 24, 56 * 24, 91 * 24, 182 * 24, 364 * 24};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter YEAR_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** An axis over at least a minute, so a window of one instant still has a width. */
  static Axis of(Instant from, Instant to, double x0, double width) {
    Instant end = to.isAfter(from.plusSeconds(60)) ? to : from.plusSeconds(60);
    return new Axis(from, end, x0, width);
  }

  double x(Instant t) {
    Instant c = t == null || t.isAfter(to) ? to : t.isBefore(from) ? from : t;
    return x0 + width * Duration.between(from, c).toMillis() / (double) span().toMillis();
  }

  Duration span() {
    return Duration.between(from, to);
  }

  /** At most about eight ticks, on whole hours or UTC midnights. */
  List<Tick> ticks() {
    long hours = Math.max(1, span().toHours());
    long step = STEPS_HOURS[STEPS_HOURS.length - 1];
    for (long s : STEPS_HOURS) {
      if (hours / s <= 8) {
        step = s;
        break;
      }
    }
    Instant t = from.truncatedTo(step >= 24 ? ChronoUnit.DAYS : ChronoUnit.HOURS);
    List<Tick> out = new ArrayList<>();
    boolean years = from.atZone(ZoneOffset.UTC).getYear() != to.atZone(ZoneOffset.UTC).getYear();
    while (!t.isAfter(to)) {
      if (!t.isBefore(from)) {
        String label = step < 24 ? HOUR.format(t) : (years ? YEAR_DAY : DAY).format(t);
        out.add(new Tick(x(t), label));
      }
      t = t.plus(Duration.ofHours(step));
    }
    return out;
  }

  record Tick(double x, String label) {}
}
