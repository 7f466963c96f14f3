package dev.phoenix.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a body once: SHA-256 and length always, the bytes when asked, never more than max + 1 bytes. */
final class BodyReader {
  private BodyReader() {}

  record Result(byte[] bytes, String sha256Hex, long size) {}

  static Result read(InputStream in, long max, boolean keep) throws IOException {
    MessageDigest sha = sha256();
    ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
    byte[] buffer = new byte[64 * 1024];
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
