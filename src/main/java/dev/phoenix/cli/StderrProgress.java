package dev.phoenix.cli;

import dev.phoenix.rebuild.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/** Progress lines on stderr, so stdout carries only the summary (or JSON). */
final class StderrProgress implements Progress {
  private final PrintWriter err;

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void phaseStarted(String phase) {
    err.println("[" + phase + "] ...");
    err.flush();
  }

  @Override
  public void phaseFinished(String phase, Duration duration, String summary) {
    err.println("[" + phase + "] " + seconds(duration) + "  " + summary);
    err.flush();
  }

  @Override
  public void line(String text) {
    err.println("  " + text);
    err.flush();
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }
}
