package dev.phoenix.aws.s3;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads S3's stored SHA-256 checksum as the full-object digest Phoenix pins, when it is one. */
final class S3Checksums {
  private static final Pattern MULTIPART_ETAG = Pattern.compile("\"?[0-9a-fA-F]+-\\d+\"?");

  private S3Checksums() {}

  /**
   * The stored checksum as 64 lowercase hex characters, or empty when there is none or it is a
   * composite (checksum of part checksums): type COMPOSITE, a {@code -N} suffix, or a multipart
   * ETag without type FULL_OBJECT (S3 only offers full-object SHA-256 for single-part uploads).
   */
  static Optional<String> fullObjectSha256Hex(String storedBase64, String checksumType, String eTag) {
    if (storedBase64 == null || storedBase64.isBlank() || storedBase64.contains("-")) {
      return Optional.empty();
    }
    String type = checksumType == null ? "" : checksumType.toUpperCase(Locale.ROOT);
    if (type.equals("COMPOSITE")) {
      return Optional.empty();
    }
    if (!type.equals("FULL_OBJECT") && eTag != null && MULTIPART_ETAG.matcher(eTag).matches()) {
      return Optional.empty();
    }
    try {
      byte[] raw = Base64.getDecoder().decode(storedBase64.trim());
      return raw.length == 32 ? Optional.of(HexFormat.of().formatHex(raw)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
