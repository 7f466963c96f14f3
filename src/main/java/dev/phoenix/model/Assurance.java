package dev.phoenix.model;

import java.time.Instant;

/** The result of one assurance step (tests, scans, approvals) linked to an artefact's bytes. */
public record Assurance(String step, String result, Instant at, String evidence) {}
