package dev.phoenix.model;

import java.util.Optional;

/** A content digest, {@code sha256:<64 lowercase hex>}; parsed once, never a raw string. */
public record Digest(String algorithm, String hex) {
  public Digest {
    if (!"sha256".equals(algorithm) || !sha256Hex(hex)) {
      throw new IllegalArgumentException("not a sha256 digest: " + algorithm + ":" + hex);
    }
  }

  /** Empty when the text is not {@code sha256:} followed by 64 lowercase hex characters. */
  public static Optional<Digest> parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      return Optional.empty();
    }
    String hex = text.substring("sha256:".length());
    return sha256Hex(hex) ? Optional.of(new Digest("sha256", hex)) : Optional.empty();
  }

  /** 64 lowercase hex characters (a loop, not a pattern: every reference read builds one). */
  private static boolean sha256Hex(String hex) {
    if (hex == null || hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  public static Digest of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a sha256 digest: " + text));
  }

  /** {@code sha256:ab12cd34…}: enough to recognise in a summary line. */
  public String shortForm() {
    return algorithm + ":" + hex.substring(0, 12) + "…";
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
