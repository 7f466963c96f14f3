package dev.phoenix.cli;

import dev.phoenix.verify.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr, never stdout: a redrawn bar on an interactive terminal (a console and no CI),
 * otherwise a plain line every {@value #EVERY_REFS} references or every 5 seconds.
 */
final class ProgressPrinter implements ProgressListener {
  static final int EVERY_REFS = 500;
  private static final long EVERY_NANOS = 5_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final boolean bar;
  private long start;
  private long lastPrint;
  private int lastCount;
  private int already; // checked while history was read, before start

  ProgressPrinter(PrintWriter err, boolean bar) {
    this.err = err;
    this.bar = bar;
  }

  static ProgressPrinter forTerminal(PrintWriter err) {
    String ci = System.getenv("CI");
    boolean inCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    return new ProgressPrinter(err, System.console() != null && !inCi);
  }

  @Override
  public synchronized void started(int total) {
    started(total, 0);
  }

  @Override
  public synchronized void started(int total, int checkedAlready) {
    start = System.nanoTime();
    lastPrint = start;
    already = checkedAlready;
    lastCount = checkedAlready;
    if (!bar) {
      err.println("verify: checking " + total + " unique references"
          + (checkedAlready > 0 ? " (" + checkedAlready + " already checked while history was read)" : ""));
      err.flush();
    }
  }

  @Override
  public synchronized void advanced(int done, int total) {
    long now = System.nanoTime();
    if (bar) {
      if (now - lastPrint >= REDRAW_NANOS || done == total) {
        lastPrint = now;
        err.print("\r" + barLine(done, total, now));
        err.flush();
      }
    } else if (done - lastCount >= EVERY_REFS || now - lastPrint >= EVERY_NANOS) {
      lastPrint = now;
      lastCount = done;
      err.println("verify: " + done + "/" + total + " references checked (" + rate(done, now) + "/s)");
      err.flush();
    }
  }

  @Override
  public synchronized void finished(int done, int total) {
    long now = System.nanoTime();
    if (bar) {
      err.print("\r" + barLine(done, total, now) + "\n");
    } else {
      err.println(String.format(Locale.ROOT, "verify: %d/%d references checked in %.1f s (%s/s)", done, total,
          (now - start) / 1e9, rate(done, now)));
    }
    err.flush();
  }

  private String barLine(int done, int total, long now) {
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " refs  "
        + rate(done, now) + "/s ";
  }

  private String rate(int done, long now) {
    double secs = Math.max(1e-3, (now - start) / 1e9);
    return String.format(Locale.ROOT, "%.0f", Math.max(0, done - already) / secs);
  }
}
