package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Short message, what to do, and the stack trace only when asked for with --stacktrace. */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean trace = parsed.hasMatchedOption("--stacktrace") || hasStacktraceOption(parsed);
    int code;
    if (e instanceof PhoenixException p) {
      err.println("error: " + p.getMessage());
      if (p.fix() != null) {
        err.println("  what to do: " + p.fix());
      }
      code = switch (p.kind()) {
        case INPUT -> ExitCodes.USAGE;
        case CHECK_FAILED -> ExitCodes.CHECK_FAILED;
        case UNAVAILABLE -> ExitCodes.UNAVAILABLE;
      };
    } else if (e instanceof UncheckedIOException io) {
      err.println("error: " + io.getMessage());
      code = ExitCodes.USAGE;
    } else {
      err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
      err.println("  what to do: this is a bug in Phoenix; run again with --stacktrace and report it");
      code = ExitCodes.CHECK_FAILED;
    }
    if (trace) {
      e.printStackTrace(err);
    } else if (!(e instanceof PhoenixException)) {
      err.println("  (run with --stacktrace for details)");
    }
    err.flush();
    return code;
  }

  private static boolean hasStacktraceOption(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
