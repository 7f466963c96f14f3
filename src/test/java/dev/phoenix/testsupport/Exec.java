package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion with a timeout and captures its output. */
public final class Exec {
  private Exec() {}

  /** Outcome of one command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** The last non-blank stdout line ("" if none). */
    public String lastLine() {
      List<String> lines = stdout.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    /** Returns this result, or throws with the command, exit code and stderr when it failed. */
    public Result orThrow() {
      if (!ok()) {
        throw new IllegalStateException(
            "command " + command + " failed with exit code " + exitCode + ":\n" + stderr + stdout);
      }
      return this;
    }
  }

  public static Result run(Duration timeout, String... command) {
    return run(timeout, List.of(command), Map.of());
  }

  public static Result run(Duration timeout, List<String> command, Map<String, String> env) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("phoenix-exec-", ".out");
      err = Files.createTempFile("phoenix-exec-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(
            "command " + command + " did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // temp file; nothing else to do
      }
    }
  }
}
