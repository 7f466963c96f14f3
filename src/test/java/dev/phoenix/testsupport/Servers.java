package dev.phoenix.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Shared rules for the real servers the integration tests start.
 *
 * <p>CI rule: a missing binary or a server that does not come up FAILS the test (never an assumption
 * or a skip). {@link #missingBinary} is the single place that builds that failure.
 */
public final class Servers {
  public static final String ENSURE_TOOLS = "scripts/ensure-tools";

  private Servers() {}

  /** The failure for a binary that is not on PATH; callers {@code throw} it. */
  public static IllegalStateException missingBinary(String binary, String neededFor) {
    return new IllegalStateException(
        "Required binary '"
            + binary
            + "' (for "
            + neededFor
            + ") was not found on PATH. Run "
            + ENSURE_TOOLS
            + " to install and start the test tools."
            + (isCi() ? " CI=true: integration tests never skip a missing server." : ""));
  }

  /** Absolute path of {@code binary} on PATH, or throws {@link #missingBinary}. */
  public static Path requireBinary(String binary, String neededFor) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, binary);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw missingBinary(binary, neededFor);
  }

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /**
   * Polls {@code ready} every 50 ms until it answers true; fails when {@code timeout} passes or the
   * process exits first. The failure names the server, the log tail and {@link #ENSURE_TOOLS}.
   */
  public static void awaitReady(
      String what, Duration timeout, ManagedProcess process, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready.getAsBoolean()) {
        return;
      }
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            what + " exited during start-up. " + process.describe() + "\nRun " + ENSURE_TOOLS);
      }
      if (System.nanoTime() > deadline) {
        String detail = process == null ? "" : process.describe();
        throw new IllegalStateException(
            what + " not ready within " + timeout.toMillis() + " ms. " + detail + "\nRun " + ENSURE_TOOLS);
      }
      sleep(50);
    }
  }

  /** The project root (the directory holding pom.xml and scripts/), found from the working dir up. */
  public static Path projectRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("scripts"))) {
        return p;
      }
    }
    throw new IllegalStateException("project root (pom.xml + scripts/) not found above " + dir);
  }

  /**
   * The lines of a server's log once it has been quiet for 100 ms (at most 2 s): a server writes a
   * request's line just after it answers, so a count taken at once can miss the last request.
   */
  static List<String> quietLines(Path log, Charset charset) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long size = -1;
    try {
      while (System.nanoTime() < deadline) {
        long now = Files.size(log);
        if (now == size) {
          break;
        }
        size = now;
        sleep(100);
      }
      return Files.readAllLines(log, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
