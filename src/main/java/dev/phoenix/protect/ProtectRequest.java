package dev.phoenix.protect;

import java.time.Duration;

/**
 * What {@code protect} was asked: the environment, the window's length (revisions in force at
 * some moment of the last {@code window}), whether to prune stale marks and to apply the changes
 * (else list them only), and how many store calls may be in flight.
 */
public record ProtectRequest(String environment, Duration window, boolean prune, boolean apply, int concurrency) {}
