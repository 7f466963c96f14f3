package dev.phoenix.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A saved plan.
 *
 * @param planFile the saved plan, to be applied exactly
 * @param binding its provenance sidecar (lockfile commit and sha256 of the plan file)
 * @param changes what applying it would do
 * @param duration how long {@code plan} took
 */
public record PlanResult(Path planFile, PlanBinding binding, Changes changes, Duration duration) {}
