package dev.phoenix.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a body once: SHA-256 and length always, the bytes when asked, never more than max + 1 bytes.
 * The buffer fits the declared length (a manifest is a few hundred bytes): a 64 KiB buffer, zeroed for
 * every one of a night's thousands of manifests, was most of what reading them allocated.
 */
final class BodyReader {
  private static final int BUFFER = 64 * 1024;

  private BodyReader() {}

  record Result(byte[] bytes, String sha256Hex, long size) {}

  static Result read(InputStream in, long max, boolean keep) throws IOException {
    return read(in, max, keep, -1);
  }

  /**
   * {@code declared}: the Content-Length, or -1. It only sizes the first buffer; what arrives is what
   * counts, and a buffer a read fills is replaced by one four times larger (up to 64 KiB), so a body
   * longer than declared is read in large chunks all the same.
   */
  static Result read(InputStream in, long max, boolean keep, long declared) throws IOException {
    MessageDigest sha = sha256();
    // one more than declared: the read that finds the end needs room too
    int size0 = declared < 0 ? BUFFER : (int) Math.max(1, Math.min(BUFFER, Math.min(declared, max) + 1));
    ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream(size0) : null;
    byte[] buffer = new byte[size0];
    long size = 0;
    while (size <= max) {
      int want = (int) Math.min(buffer.length, max + 1 - size);
      int n = in.read(buffer, 0, want);
      if (n < 0) {
        break;
      }
      sha.update(buffer, 0, n);
      if (kept != null) {
        kept.write(buffer, 0, n);
      }
      size += n;
      if (n == buffer.length && buffer.length < BUFFER) {
        buffer = new byte[Math.min(BUFFER, buffer.length * 4)];
      }
    }
    return new Result(kept == null ? null : kept.toByteArray(), HexFormat.of().formatHex(sha.digest()), size);
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
