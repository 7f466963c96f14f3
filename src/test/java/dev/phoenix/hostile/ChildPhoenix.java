package dev.phoenix.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Phoenix's CLI in a child JVM (this test run's class path), with its own environment variables. */
final class ChildPhoenix {
  /** Bound on how long a child may run before the test gives up on it (not a timing assertion). */
  static final Duration GIVE_UP = Duration.ofMinutes(3);

  final Process process;
  final Path stdout;
  final Path stderr;

  private ChildPhoenix(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts the child with INT, TERM and HUP at their default handling, whatever this test run
   * inherited: a run started in the background of a non-interactive shell ignores SIGINT, an ignored
   * signal stays ignored across exec, and the JVM then keeps ignoring it, so a test that signals the
   * child would see it run on. GNU env (coreutils 8.31 or later) resets them, then execs Java in
   * its place (the same pid).
   */
  static ChildPhoenix start(Path logDir, Map<String, String> env, List<String> args) throws IOException {
    Files.createDirectories(logDir);
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.phoenix.cli.Main"));
    command.addAll(args);
    Path out = Files.createTempFile(logDir, "child", ".out");
    Path err = Files.createTempFile(logDir, "child", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    return new ChildPhoenix(pb.start(), out, err);
  }

  /** Waits for the child to end (giving up after {@link #GIVE_UP}); returns its exit code. */
  int await() throws InterruptedException {
    if (!process.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child phoenix did not end within " + GIVE_UP + "; stderr:\n" + err());
    }
    return process.exitValue();
  }

  String out() {
    return read(stdout);
  }

  String err() {
    return read(stderr);
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
