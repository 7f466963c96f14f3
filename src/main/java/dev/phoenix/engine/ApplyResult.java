package dev.phoenix.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An applied plan, or a destroy.
 *
 * @param planFile the saved plan that was applied, or null for a destroy
 * @param changes what the engine reported it did ({@code Apply complete!} or {@code Destroy
 *     complete!} line)
 * @param duration how long {@code apply} took
 */
public record ApplyResult(Path planFile, Changes changes, Duration duration) {}
