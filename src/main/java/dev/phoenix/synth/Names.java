package dev.phoenix.synth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Resource names, Terraform identifiers and literal escaping. */
final class Names {

  private Names() {}

  /**
   * {@code base} when it fits in {@code max} characters, otherwise a prefix of it followed by 8
   * hex characters of its SHA-256, so distinct long names stay distinct and stable.
   */
  static String fit(String base, int max) {
    if (base.length() <= max) {
      return base;
    }
    String hash = sha256Hex(base).substring(0, 8);
    return base.substring(0, max - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
  }

  /** A Terraform identifier (resource or output name) from a validated member name. */
  static String tfId(String name) {
    return name.replace('-', '_');
  }

  /**
   * Escapes a literal for Terraform JSON syntax, where every string is a template: {@code ${}
   * and {@code %{} would otherwise be evaluated (an env value could reference other resources).
   */
  static String literal(String value) {
    return value.replace("${", "$${").replace("%{", "%%{");
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
