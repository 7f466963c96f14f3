package dev.phoenix.rebuild;

import dev.phoenix.core.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs the pipeline's phases one after the other, timing each and reporting it as it runs. */
public final class PhaseRunner {
  private final Progress progress;
  private final List<PhaseTiming> timings = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile String current;
  private volatile long currentStart;

  public PhaseRunner(Progress progress) {
    this.progress = progress;
  }

  /**
   * Runs {@code body} as phase {@code phase}. {@code status} judges the result ("ok" or
   * "stopped"/"failed" for a result that ends the rebuild); an exception is timed as "failed" and
   * rethrown.
   */
  public <T> T run(String phase, Supplier<T> body, Function<T, String> summary, Function<T, String> status) {
    progress.phaseStarted(phase);
    long start = System.nanoTime();
    currentStart = start;
    current = phase;
    T result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      current = null;
      Duration d = Durations.since(start);
      timings.add(new PhaseTiming(phase, d, "failed", firstLine(e.getMessage())));
      progress.phaseFinished(phase, d, "failed: " + firstLine(e.getMessage()));
      throw e;
    }
    current = null;
    Duration d = Durations.since(start);
    String line = summary.apply(result);
    timings.add(new PhaseTiming(phase, d, status.apply(result), line));
    progress.phaseFinished(phase, d, line);
    return result;
  }

  public <T> T run(String phase, Supplier<T> body, Function<T, String> summary) {
    return run(phase, body, summary, r -> "ok");
  }

  public List<PhaseTiming> timings() {
    synchronized (timings) {
      return List.copyOf(timings);
    }
  }

  /** The phase running now, or null between phases. */
  public String current() {
    return current;
  }

  /** The finished phases and the one running now, timed so far with status "interrupted". */
  public List<PhaseTiming> timingsInterrupted() {
    List<PhaseTiming> out = new ArrayList<>(timings());
    String phase = current;
    if (phase != null) {
      out.add(new PhaseTiming(phase, Durations.since(currentStart), "interrupted",
          "interrupted while running"));
    }
    return out;
  }

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
