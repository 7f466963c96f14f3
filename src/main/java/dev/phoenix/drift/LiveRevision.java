package dev.phoenix.drift;

import java.time.Instant;

/** The newest lockfile revision what runs matches: its commit, when, and how many revisions behind HEAD. */
public record LiveRevision(String commit, String shortId, Instant committedAt, int behind) {}
