package dev.phoenix.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A saved plan refused before apply: it was made from another lockfile commit, it changed since
 * it was made, or its provenance sidecar is missing or unreadable. Nothing was run.
 */
public final class PlanBindingException extends EngineException {

  private final Path planFile;

  public PlanBindingException(String message, Path planFile, List<String> refusedCommand) {
    super(message, refusedCommand, NO_EXIT_CODE, List.of());
    this.planFile = planFile;
  }

  public Path planFile() {
    return planFile;
  }
}
