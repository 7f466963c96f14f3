package dev.phoenix.check;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The pace of one lane of store calls (a registry host, an AWS service): at most {@code ceiling}
 * calls a second (none: no ceiling), spaced evenly (no bursts), slowed down when the store says it
 * is throttling and recovering afterwards (AIMD):
 *
 * <ul>
 *   <li><b>throttled</b> (HTTP 429, 503 with Retry-After, AWS ThrottlingException): the rate is
 *       halved (at most once a second, however many calls in flight hear it at once; without a
 *       ceiling, from the rate of the last second), never below {@link #FLOOR}, and the lane pauses
 *       until Retry-After has passed (else for a back-off doubling with each throttle in a row,
 *       {@link #BASE_PAUSE} to {@link #MAX_PAUSE});
 *   <li><b>answered</b>: the rate grows by about {@code max(1, 5% of the rate before the last
 *       decrease)} calls a second per second, up to the ceiling (without one: back to unpaced once
 *       it has doubled).
 * </ul>
 *
 * Every call, first or retried, takes a slot ({@link #reserve}); thread-safe.
 */
public final class Throttle {
  public static final double FLOOR = 0.5;
  static final Duration BASE_PAUSE = Duration.ofMillis(250);
  static final Duration MAX_PAUSE = Duration.ofSeconds(8);
  private static final long SECOND = 1_000_000_000L;

  private final double ceiling; // +Infinity: none
  private final LongSupplier nanos;
  private double rate;
  private double step = 1;
  private double unpacedAbove = Double.POSITIVE_INFINITY;
  private long nextSlot = Long.MIN_VALUE;
  private long pausedUntil = Long.MIN_VALUE;
  private long lastDecrease = Long.MIN_VALUE;
  private int inARow;
  private long bucketStart;
  private int thisBucket;
  private int lastBucket;

  Throttle(double ceiling, LongSupplier nanos) {
    if (!(ceiling > 0)) {
      throw new IllegalArgumentException("a rate must be above 0, was " + ceiling);
    }
    this.ceiling = ceiling;
    this.rate = ceiling;
    this.nanos = nanos;
    this.bucketStart = nanos.getAsLong();
  }

  /** At most {@code perSecond} calls a second. */
  public static Throttle of(double perSecond) {
    return new Throttle(perSecond, System::nanoTime);
  }

  /** No ceiling: unpaced until the store throttles. */
  public static Throttle unlimited() {
    return new Throttle(Double.POSITIVE_INFINITY, System::nanoTime);
  }

  /** Calls a second allowed now (Infinity: unpaced). */
  public synchronized double rate() {
    return rate;
  }

  /** Takes the next slot: how long to wait before sending (zero: now). */
  public synchronized Duration reserve() {
    long now = nanos.getAsLong();
    roll(now);
    thisBucket++;
    long start = Math.max(now, Math.max(nextSlot, pausedUntil));
    nextSlot = Double.isInfinite(rate) ? start : start + (long) (SECOND / rate);
    return Duration.ofNanos(start - now);
  }

  /**
   * Takes the next slot and waits for it; false (without waiting, the slot given back to nobody)
   * when it comes after {@code deadline} (null: none).
   */
  public boolean acquire(Instant deadline) {
    Duration wait = reserve();
    if (deadline != null && Instant.now().plus(wait).isAfter(deadline)) {
      return false;
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** The store throttled a call; {@code retryAfter} what it asked for (null: not said). */
  public synchronized void throttled(Duration retryAfter) {
    long now = nanos.getAsLong();
    roll(now);
    inARow++;
    if (lastDecrease == Long.MIN_VALUE || now - lastDecrease >= SECOND) {
      double from = Double.isInfinite(rate) ? Math.max(FLOOR, Math.max(thisBucket, lastBucket)) : rate;
      if (Double.isInfinite(rate)) {
        unpacedAbove = 2 * from;
      }
      rate = Math.max(FLOOR, from / 2);
      step = Math.max(1, 0.05 * from);
      lastDecrease = now;
    }
    long pause = retryAfter != null ? retryAfter.toNanos()
        : Math.min(MAX_PAUSE.toNanos(), BASE_PAUSE.toNanos() << Math.min(10, inARow - 1));
    pausedUntil = Math.max(pausedUntil, now + pause);
  }

  /** The store answered a call (found or not): the rate recovers. */
  public synchronized void answered() {
    inARow = 0;
    if (Double.isInfinite(rate)) {
      return;
    }
    rate = Math.min(ceiling, rate + step / rate);
    if (rate >= unpacedAbove) {
      rate = ceiling;
      unpacedAbove = Double.POSITIVE_INFINITY;
    }
  }

  private void roll(long now) {
    long buckets = (now - bucketStart) / SECOND;
    if (buckets >= 1) {
      lastBucket = buckets == 1 ? thisBucket : 0;
      thisBucket = 0;
      bucketStart += buckets * SECOND;
    }
  }
}
