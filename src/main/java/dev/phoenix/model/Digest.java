package dev.phoenix.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A content digest, {@code sha256:<64 lowercase hex>}; parsed once, never a raw string. */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Digest {
    if (!"sha256".equals(algorithm) || hex == null || !SHA256.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + algorithm + ":" + hex);
    }
  }

  /** Empty when the text is not {@code sha256:} followed by 64 lowercase hex characters. */
  public static Optional<Digest> parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      return Optional.empty();
    }
    String hex = text.substring("sha256:".length());
    return SHA256.matcher(hex).matches() ? Optional.of(new Digest("sha256", hex)) : Optional.empty();
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
