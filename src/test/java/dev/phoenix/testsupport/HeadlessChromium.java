package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code chromium}, headless, for tests that must see a page as a browser does: the DOM
 * after parsing ({@code --dump-dom}) and a screenshot. Each run has its own profile directory, so
 * runs of parallel test suites never share one. Missing from PATH is a failure naming
 * scripts/ensure-tools (never a skip).
 */
public final class HeadlessChromium {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  public static HeadlessChromium require(String neededFor) {
    return new HeadlessChromium(Servers.requireBinary("chromium", neededFor));
  }

  /** The DOM chromium built from {@code page}, serialized as HTML. */
  public String dumpDom(Path page) {
    return run(List.of("--dump-dom", page.toUri().toString())).stdout();
  }

  /** A PNG of {@code page} in a {@code width}×{@code height} window, written to {@code png}. */
  public void screenshot(Path page, Path png, int width, int height) {
    run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        page.toUri().toString()));
  }

  private Exec.Result run(List<String> args) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("phoenix-chromium-");
      List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu", "--no-sandbox",
          "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile));
      command.addAll(args);
      return Exec.run(TIMEOUT, command, Map.of()).orThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (profile != null) {
        deleteTree(profile);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a profile left in the temporary directory is harmless
    }
  }
}
