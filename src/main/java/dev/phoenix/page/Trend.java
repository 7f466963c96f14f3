package dev.phoenix.page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Recovery time over the succeeded drills of a series: a least-squares line through (start time,
 * recovery seconds), and the mean of the last {@code n} drills against the {@code n} before them
 * ({@code n} = min(3, half the drills)). Fewer than two succeeded drills: no trend ({@link #count} &lt; 2).
 *
 * @param count succeeded drills the trend is drawn through
 * @param firstAt time of the first of them (x origin of the line)
 * @param intercept fitted recovery seconds at {@code firstAt}
 * @param slopePerDay fitted change of recovery seconds per day (0 when all drills started at one time)
 * @param n drills in each of the two groups compared
 * @param lastMean mean recovery seconds of the last {@code n}
 * @param previousMean mean recovery seconds of the {@code n} before them
 */
public record Trend(int count, Instant firstAt, double intercept, double slopePerDay, int n, double lastMean,
    double previousMean) {

  static final int GROUP = 3;

  public static Trend of(List<DrillHistory.Drill> drills) {
    List<DrillHistory.Drill> ok = drills.stream().filter(DrillHistory.Drill::succeeded).toList();
    if (ok.size() < 2) {
      return new Trend(ok.size(), ok.isEmpty() ? null : ok.get(0).startedAt(), ok.isEmpty() ? 0 : sec(ok.get(0)), 0,
          0, 0, 0);
    }
    Instant first = ok.get(0).startedAt();
    int k = ok.size();
    double sx = 0;
    double sy = 0;
    for (DrillHistory.Drill d : ok) {
      sx += days(first, d.startedAt());
      sy += sec(d);
    }
    double mx = sx / k;
    double my = sy / k;
    double sxx = 0;
    double sxy = 0;
    for (DrillHistory.Drill d : ok) {
      double dx = days(first, d.startedAt()) - mx;
      sxx += dx * dx;
      sxy += dx * (sec(d) - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    int n = Math.min(GROUP, k / 2);
    return new Trend(k, first, my - slope * mx, slope, n, mean(ok.subList(k - n, k)), mean(ok.subList(k - 2 * n, k - n)));
  }

  /** Fitted recovery seconds at {@code t}. */
  public double at(Instant t) {
    return intercept + slopePerDay * days(firstAt, t);
  }

  /** Whether there are enough succeeded drills for a trend. */
  public boolean known() {
    return count >= 2;
  }

  /** Relative change of the last group's mean against the previous group's, in percent. */
  public double changePercent() {
    return previousMean == 0 ? 0 : (lastMean - previousMean) / previousMean * 100;
  }

  static double days(Instant from, Instant t) {
    return Duration.between(from, t).toMillis() / 86_400_000.0;
  }

  private static double sec(DrillHistory.Drill d) {
    return d.recoveryMillis() / 1000.0;
  }

  private static double mean(List<DrillHistory.Drill> drills) {
    return drills.stream().mapToDouble(Trend::sec).average().orElse(0);
  }
}
