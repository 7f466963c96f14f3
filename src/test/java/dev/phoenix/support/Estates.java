package dev.phoenix.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample estate shipped in the repository, for tests to copy and mutate. */
public final class Estates {
  private Estates() {}

  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("pom.xml"))) {
      p = p.getParent();
    }
    return p;
  }

  public static String sample(String path) {
    try {
      return Files.readString(repoRoot().resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String prodLock() {
    return sample("environments/prod/environment.lock.yaml");
  }

  public static String servicesStack() {
    return sample("stacks/services.yaml");
  }

  public static String functionsStack() {
    return sample("stacks/functions.yaml");
  }

  public static void write(Path root, String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
