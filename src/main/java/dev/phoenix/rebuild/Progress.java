package dev.phoenix.rebuild;

import java.time.Duration;

/** Progress of a rebuild as it runs; the command line prints it on stderr. Never given secret values. */
public interface Progress {
  void phaseStarted(String phase);

  void phaseFinished(String phase, Duration duration, String summary);

  /** Any other line worth showing while a phase runs (engine output, a stack being planned). */
  void line(String text);

  static Progress silent() {
    return new Progress() {
      @Override
      public void phaseStarted(String phase) {}

      @Override
      public void phaseFinished(String phase, Duration duration, String summary) {}

      @Override
      public void line(String text) {}
    };
  }
}
