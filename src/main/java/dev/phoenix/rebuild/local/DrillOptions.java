package dev.phoenix.rebuild.local;

import java.time.Duration;

/**
 * How a local drill runs: {@code healthDeadline} per service (from its containers' start),
 * {@code parallelism} services started at once, {@code logLines} shown for a failed service.
 */
public record DrillOptions(Duration healthDeadline, int parallelism, int logLines) {
  public static final DrillOptions DEFAULT = new DrillOptions(Duration.ofSeconds(60), 6, 20);

  public DrillOptions {
    if (parallelism < 1 || logLines < 0 || healthDeadline.isNegative() || healthDeadline.isZero()) {
      throw new IllegalArgumentException("parallelism >= 1, logLines >= 0, healthDeadline > 0");
    }
  }
}
