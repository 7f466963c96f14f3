package dev.phoenix.rebuild;

import java.time.Duration;

/**
 * How long one phase took and how it ended.
 *
 * @param phase resolve, preflight, synth, engine or record
 * @param duration wall-clock time of the phase
 * @param status {@code ok}, {@code failed} or {@code stopped}
 * @param summary one value-free line, e.g. "7 references OK"
 */
public record PhaseTiming(String phase, Duration duration, String status, String summary) {}
