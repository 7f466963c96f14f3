package dev.phoenix.page;

/** What a band of a timeline says about that stretch of time, with its colour and words. */
public enum Health {
  /** Every reference there: the environment could be rebuilt exactly. Green. */
  RESTORABLE("restorable", "ok"),
  /** Restorable today, but something it needs may be deleted by its store (AT_RISK). Amber. */
  AT_RISK("restorable, at risk", "risk"),
  /** Something MISSING or CORRUPT, or a lockfile that fails validation: a rebuild would fail. Red. */
  NOT_RESTORABLE("NOT restorable", "bad"),
  /** Could not be checked (network, auth, deadline). Grey. */
  UNKNOWN("unknown", "unknown");

  private final String label;
  private final String css;

  Health(String label, String css) {
    this.label = label;
    this.css = css;
  }

  /** Words for people: the colour is never the only signal. */
  public String label() {
    return label;
  }

  /** The CSS class (fill colour) of its band and badge. */
  String css() {
    return css;
  }
}
