package dev.phoenix.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic one-file image layer: a tar holding {@code /phoenix-synthetic} with the given
 * content, gzip-compressed. Same content, same bytes, same digests.
 */
public record SyntheticLayer(byte[] tar, byte[] gzip) {
  public static final String FILE_NAME = "phoenix-synthetic";

  public static SyntheticLayer of(byte[] content) {
    byte[] tar = tarOneFile(FILE_NAME, content);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar); // java.util.zip writes mtime 0: the output depends on the input only
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SyntheticLayer(tar, out.toByteArray());
  }

  /** Digest of the uncompressed tar (the image config's diff_id). */
  public String diffId() {
    return sha256(tar);
  }

  /** Digest of the compressed blob (the manifest's layer digest). */
  public String digest() {
    return sha256(gzip);
  }

  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] tarOneFile(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    put(header, 265, "root");
    put(header, 297, "root");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    int padded = (content.length + 511) / 512 * 512;
    byte[] tar = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, tar, 0, 512);
    System.arraycopy(content, 0, tar, 512, content.length);
    return tar;
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyntheticLayer other && java.util.Arrays.equals(gzip, other.gzip);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(gzip);
  }

  @Override
  public String toString() {
    return "SyntheticLayer[" + digest() + "]";
  }
}
