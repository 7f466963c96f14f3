package dev.phoenix.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret or parameter value held in memory only. {@link #toString()} is {@code <redacted>}, so
 * it cannot leak through string concatenation, logging or assertion messages; the text is
 * reachable only through the explicit {@link #reveal()}.
 */
public final class Sensitive {
  private static final String REDACTED = "<redacted>";
  private final String text;

  private Sensitive(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  public static Sensitive of(String text) {
    return new Sensitive(text);
  }

  /** The value itself: pass it straight to where it is used, never to output. */
  public String reveal() {
    return text;
  }

  /** Constant-time comparison of two values. */
  public boolean sameAs(Sensitive other) {
    return other != null
        && MessageDigest.isEqual(
            text.getBytes(StandardCharsets.UTF_8), other.text.getBytes(StandardCharsets.UTF_8));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
