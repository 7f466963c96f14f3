package dev.phoenix.verify.report;

import dev.phoenix.verify.Verdict;

/** The exit code an outcome stands for (the same numbers as dev.phoenix.cli.ExitCodes). */
public final class ExitCode {
  private ExitCode() {}

  public static int of(Verdict outcome) {
    return switch (outcome) {
      case OK -> 0;
      case BROKEN -> 1;
      case UNKNOWN -> 3;
    };
  }
}
