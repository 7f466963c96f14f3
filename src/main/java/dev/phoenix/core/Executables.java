package dev.phoenix.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finding a program the way a shell does: each directory of {@code PATH}, in order. */
public final class Executables {
  private Executables() {}

  /** Where {@code PATH} (from {@code env}) would look for {@code name}, in order. */
  public static List<Path> candidates(String name, Map<String, String> env) {
    List<Path> out = new ArrayList<>();
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        out.add(Path.of(dir, name));
      }
    }
    return out;
  }

  public static boolean isExecutable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  /** The first executable {@code name} on {@code PATH}, as an absolute path. */
  public static Optional<Path> onPath(String name, Map<String, String> env) {
    return candidates(name, env).stream().filter(Executables::isExecutable).findFirst().map(Path::toAbsolutePath);
  }
}
