package dev.phoenix.engine;

import java.time.Duration;

/** A step that yields nothing but success, e.g. {@code init}. */
public record StepResult(String step, Duration duration) {}
