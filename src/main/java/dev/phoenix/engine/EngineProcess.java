package dev.phoenix.engine;

import dev.phoenix.core.Durations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one engine command in a working directory with a timeout. Lines go to the caller's
 * consumer as they come (stdout and stderr), except stdout of a capturing run, which is kept
 * whole for parsing (e.g. {@code show -json}). The last lines are kept for error messages.
 */
final class EngineProcess {

  static final int TAIL_LINES = 30;
  private static final Duration GRACE = Duration.ofSeconds(15);

  /** What a finished command gave. */
  record Run(int exitCode, String stdout, List<String> tail, Duration duration) {}

  private final Map<String, String> environment;
  private final Duration timeout;

  EngineProcess(Map<String, String> environment, Duration timeout) {
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
  }

  /**
   * Runs {@code command}; a non-zero exit is returned, not thrown, so callers word the error.
   *
   * @param lines receives every streamed line, one at a time, from one thread at a time
   */
  Run run(List<String> command, Path workDir, boolean captureStdout, Consumer<String> lines)
      throws EngineException {
    long start = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(RunningEngines.ownSession(command)).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new EngineException("cannot start " + command.get(0) + ": " + e.getMessage(),
          command, EngineException.NO_EXIT_CODE, List.of(), e);
    }
    RunningEngines.Running running = RunningEngines.add(process, command);
    try {
      return await(process, command, captureStdout, lines, start);
    } finally {
      RunningEngines.remove(running);
    }
  }

  private Run await(Process process, List<String> command, boolean captureStdout, Consumer<String> lines, long start)
      throws EngineException {
    Deque<String> tail = new ArrayDeque<>();
    StringBuilder captured = new StringBuilder();
    Consumer<String> streamed = line -> keep(tail, line, lines);
    Thread err = pump(process.getErrorStream(), streamed);
    Thread out = pump(process.getInputStream(),
        captureStdout ? line -> captured.append(line).append('\n') : streamed);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        join(out, err);
        throw new EngineException(command.get(0) + " " + command.get(1) + " timed out after " + timeout,
            command, EngineException.NO_EXIT_CODE, snapshot(tail));
      }
      join(out, err);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new EngineException(command.get(0) + " " + command.get(1) + " was interrupted",
          command, EngineException.NO_EXIT_CODE, snapshot(tail), e);
    }
    Duration took = Durations.since(start);
    return new Run(process.exitValue(), captured.toString(), snapshot(tail), took);
  }

  private static void keep(Deque<String> tail, String line, Consumer<String> lines) {
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
      try {
        lines.accept(line);
      } catch (RuntimeException e) {
        // a failing progress display must not stall the engine (its pipe would fill up)
      }
    }
  }

  private static List<String> snapshot(Deque<String> tail) {
    synchronized (tail) {
      return new ArrayList<>(tail).stream().filter(l -> !l.isBlank()).toList();
    }
  }

  private static Thread pump(InputStream stream, Consumer<String> sink) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the process went away; what was read is what there is
      } catch (UncheckedIOException e) {
        // idem
      }
    }, "engine-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** SIGTERM lets the engine stop gracefully and release its state lock; then force. */
  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(GRACE.toMillis());
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
