package dev.phoenix.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An applied plan.
 *
 * @param planFile the saved plan that was applied
 * @param changes what the engine reported it did ({@code Apply complete! Resources: ...})
 * @param duration how long {@code apply} took
 */
public record ApplyResult(Path planFile, Changes changes, Duration duration) {}
