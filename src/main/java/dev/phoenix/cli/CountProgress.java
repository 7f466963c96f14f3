package dev.phoenix.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * "protect: 500/2000 references asked" on stderr: at most one line every two seconds, and only
 * once the work has run for two seconds (short runs stay quiet).
 */
final class CountProgress implements IntConsumer {
  private static final long EVERY_NANOS = 2_000_000_000L;
  private final PrintWriter err;
  private final String format;
  private final int total;
  private final long started = System.nanoTime();
  private long last = started;

  /** {@code format} gets the count done and the total, e.g. "protect: %d/%d references asked". */
  CountProgress(PrintWriter err, String format, int total) {
    this.err = err;
    this.format = format;
    this.total = total;
  }

  @Override
  public synchronized void accept(int done) {
    long now = System.nanoTime();
    if (now - last >= EVERY_NANOS || done == total && now - started >= EVERY_NANOS) {
      last = now;
      err.println(String.format(java.util.Locale.ROOT, format, done, total));
      err.flush();
    }
  }
}
