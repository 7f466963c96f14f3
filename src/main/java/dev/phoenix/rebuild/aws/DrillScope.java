package dev.phoenix.rebuild.aws;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.synth.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which drill the resources of one out directory belong to. The first rebuild into a target
 * directory fixes it (its drill record's id, or the {@code drill} option) in {@value #FILE}; every
 * later run into that directory (a re-plan, {@code --apply --saved-plans}, a converging re-run
 * after a failure) uses the same id, so it addresses the same resources and the same state.
 * Another drill of the environment needs another out directory or another {@code drill}; teardown
 * removes the file together with the state.
 */
final class DrillScope {
  static final String FILE = "drill-scope";

  private DrillScope() {}

  /** The drill id of {@code targetDir}: fixed there already, or {@code given}, or {@code newId}. */
  static String drillId(Path targetDir, Optional<String> given, String newId) {
    Path file = targetDir.resolve(FILE);
    Optional<String> fixed = read(file);
    if (fixed.isPresent()) {
      if (given.isPresent() && !given.get().equals(fixed.get())) {
        throw PhoenixException.input("drill " + given.get() + " asked for, but " + targetDir
            + " holds the state of drill " + fixed.get(),
            "use another --out for a second drill, or drop the drill option to go on with " + fixed.get());
      }
      return fixed.get();
    }
    String id = given.orElse(newId);
    if (!Scope.DRILL_ID.matcher(id).matches()) {
      throw PhoenixException.input("drill id '" + id + "' must match " + Scope.DRILL_ID.pattern(), null);
    }
    try {
      Files.createDirectories(targetDir);
      Path temporary = Files.createTempFile(targetDir, FILE, ".tmp");
      Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return id;
  }

  /** The drill id fixed in {@code targetDir}, if a rebuild fixed one there. */
  static Optional<String> fixed(Path targetDir) {
    return read(targetDir.resolve(FILE));
  }

  /** Forgets the drill of {@code targetDir}, once its resources and state are gone (teardown). */
  static void clear(Path targetDir) {
    try {
      Files.deleteIfExists(targetDir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + targetDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String id = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!Scope.DRILL_ID.matcher(id).matches()) {
        throw PhoenixException.input(file + " does not hold a drill id", "remove it after tearing the drill down");
      }
      return Optional.of(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
