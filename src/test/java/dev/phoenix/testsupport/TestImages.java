package dev.phoenix.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Java face of scripts/lib/test-image.sh: a runnable busybox httpd image (health path, /cgi-bin/env
 * echoing ECHO_VARS, FAIL_HEALTH=1) built without network and pushed with the Docker daemon.
 */
public final class TestImages {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private TestImages() {}

  /** Builds NAME:TAG, pushes it to {@code registryHostPort} and returns the manifest digest. */
  public static String buildAndPush(String name, String tag, String registryHostPort, Path extraFile) {
    Path script = Servers.projectRoot().resolve("scripts/lib/test-image.sh");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is missing or not executable");
    }
    Servers.requireBinary("docker", "building the busybox test image");
    List<String> command = new ArrayList<>(List.of(script.toString(), name, tag, registryHostPort));
    if (extraFile != null) {
      command.add(extraFile.toAbsolutePath().toString());
    }
    Exec.Result result = Exec.run(TIMEOUT, command, Map.of());
    if (!result.ok()) {
      throw new IllegalStateException(
          "test image " + name + ":" + tag + " not built/pushed (exit " + result.exitCode() + "):\n"
              + result.stderr() + "\nRun " + Servers.ENSURE_TOOLS + " (needs the Docker daemon).");
    }
    String digest = result.lastLine();
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalStateException("test-image.sh printed no digest, last line: '" + digest + "'");
    }
    return digest;
  }
}
