package dev.phoenix.protect;

import dev.phoenix.check.Ref;

/** One line of a protect run: what is (or would be) done to which reference, and why. */
public record Action(Kind kind, Ref ref, String mark, String reason) {
  public enum Kind {
    /** Add the mark (a referenced version without it). */
    ADD,
    /** Remove Phoenix's mark from what no revision in the window references. */
    REMOVE,
    /** Stale, but the store cannot remove the mark alone: reported only. */
    STALE_KEPT,
    /** Referenced, but this store has nothing Phoenix can add. */
    UNSUPPORTED,
    /** The store could not be asked or refused the change. */
    FAILED
  }

  public String render() {
    String symbol = switch (kind) {
      case ADD -> "+";
      case REMOVE -> "-";
      case STALE_KEPT -> "!";
      case UNSUPPORTED -> "?";
      case FAILED -> "x";
    };
    return symbol + " " + (mark == null ? "" : mark + " on ") + ref.describe() + " — " + reason;
  }
}
