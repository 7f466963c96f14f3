package dev.phoenix.engine;

import java.util.List;

/**
 * An engine command that failed, timed out, could not start, or was refused before it ran.
 * Carries the command (never anything secret: the engine gets no variables on its command line),
 * the exit code and the last lines it printed, so the user sees why without digging in logs.
 */
public class EngineException extends Exception {

  /** Exit code used when the process never gave one: not started, timed out, or refused. */
  public static final int NO_EXIT_CODE = -1;

  private final List<String> command;
  private final int exitCode;
  private final List<String> lastLines;

  public EngineException(String message, List<String> command, int exitCode, List<String> lastLines) {
    this(message, command, exitCode, lastLines, null);
  }

  public EngineException(
      String message, List<String> command, int exitCode, List<String> lastLines, Throwable cause) {
    super(message, cause);
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.lastLines = List.copyOf(lastLines);
  }

  /** The command as run: binary followed by its arguments. */
  public List<String> command() {
    return command;
  }

  /** The process exit code, or {@link #NO_EXIT_CODE}. */
  public int exitCode() {
    return exitCode;
  }

  /** The last lines the command printed (stdout and stderr interleaved), oldest first. */
  public List<String> lastLines() {
    return lastLines;
  }

  /** Message, command, exit code and last lines, for the terminal. */
  public String describe() {
    StringBuilder out = new StringBuilder(getMessage());
    out.append("\n  command: ").append(String.join(" ", command));
    if (exitCode != NO_EXIT_CODE) {
      out.append("\n  exit code: ").append(exitCode);
    }
    if (!lastLines.isEmpty()) {
      out.append("\n  last lines:");
      lastLines.forEach(line -> out.append("\n    ").append(line));
    }
    return out.toString();
  }
}
