package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running server process whose stdout/stderr are appended to files; close() stops it, and so
 * does this JVM's exit when close() was never reached (a test JVM killed by its timeout, a
 * benchmark stopped with SIGTERM): a registry or moto left behind kept serving, and using CPU.
 */
public final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final Thread onExit;

  private ManagedProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.onExit = new Thread(this::stop, "stop " + name);
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** Starts {@code command}; output is appended to the two files (they may be the same file). */
  public static ManagedProcess start(
      String name, List<String> command, Path workDir, Path stdout, Path stderr, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()));
    if (stdout.equals(stderr)) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
    }
    try {
      return new ManagedProcess(name, builder.start(), stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Exit state and the last lines of the process output, for failure messages. */
  public String describe() {
    String state = process.isAlive() ? "still running" : "exit code " + process.exitValue();
    String out = tail(stderr, 15);
    if (!stdout.equals(stderr)) {
      out = tail(stdout, 5) + out;
    }
    return name + " (pid " + process.pid() + ") " + state + "; output tail:\n" + out;
  }

  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")\n";
    }
  }

  /** SIGTERM to the process and its descendants; SIGKILL after 15 s. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook stops it anyway
    }
    stop();
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
