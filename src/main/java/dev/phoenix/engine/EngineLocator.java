package dev.phoenix.engine;

import dev.phoenix.core.Executables;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the engine binary. An explicit choice (the {@code --engine} option: a path, or a name
 * looked up on PATH) wins. Otherwise, in order: {@code tofu} on PATH, {@code tofu} in
 * {@code ${PHOENIX_CACHE:-$HOME/.cache/phoenix}/bin} (where {@code scripts/ensure-tofu} builds
 * it), then {@code terraform} on PATH and in that directory.
 */
public final class EngineLocator {

  private static final List<String> NAMES = List.of("tofu", "terraform");

  private final Map<String, String> env;

  /** Looks at this process's PATH, PHOENIX_CACHE and HOME. */
  public EngineLocator() {
    this(System.getenv());
  }

  /** Looks at the given environment instead (tests). */
  public EngineLocator(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The directory {@code scripts/ensure-tofu} puts binaries in. */
  public Path cacheBin() {
    String cache = env.get("PHOENIX_CACHE");
    if (cache == null || cache.isBlank()) {
      cache = env.getOrDefault("HOME", System.getProperty("user.home")) + "/.cache/phoenix";
    }
    return Path.of(cache, "bin");
  }

  /**
   * @param explicit the caller's {@code --engine} value, or null/blank for the default search
   * @throws EngineException when nothing usable is found; it names every place looked at
   */
  public EngineBinary locate(String explicit) throws EngineException {
    List<Path> looked = new ArrayList<>();
    if (explicit != null && !explicit.isBlank()) {
      Optional<Path> found = explicit.contains(File.separator)
          ? executable(Path.of(explicit), looked)
          : onPath(explicit, looked);
      return found.map(EngineBinary::of).orElseThrow(() -> notFound("--engine " + explicit, looked));
    }
    for (String name : NAMES) {
      Optional<Path> found = onPath(name, looked).or(() -> executable(cacheBin().resolve(name), looked));
      if (found.isPresent()) {
        return EngineBinary.of(found.get());
      }
    }
    throw notFound("tofu or terraform", looked);
  }

  private Optional<Path> onPath(String name, List<Path> looked) {
    for (Path candidate : Executables.candidates(name, env)) {
      Optional<Path> found = executable(candidate, looked);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(Path candidate, List<Path> looked) {
    looked.add(candidate);
    return Executables.isExecutable(candidate)
        ? Optional.of(candidate.toAbsolutePath())
        : Optional.empty();
  }

  private static EngineException notFound(String what, List<Path> looked) {
    List<String> tail = looked.stream().map(p -> "not found: " + p).toList();
    return new EngineException("no engine binary found for " + what
        + "; run scripts/ensure-tofu (builds OpenTofu) or put tofu or terraform on PATH",
        List.of(what), EngineException.NO_EXIT_CODE, tail);
  }
}
