package dev.phoenix.registry;

import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;

/** Turns a registry failure into a finding: only an answered 404 is MISSING; the rest is UNKNOWN. */
final class Findings {
  private Findings() {}

  static Finding of(RegistryException e) {
    switch (e.reason()) {
      case NOT_FOUND:
        return Finding.missing(e.getMessage());
      case DEADLINE:
        return Checks.DEADLINE;
      default:
        return Finding.unknown(e.getMessage());
    }
  }
}
