package dev.phoenix.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The image of lock containers, as a {@code docker save} archive built here (nothing is pulled):
 * one empty layer, a config whose command is never run, tagged {@value LockCalls#IMAGE}.
 */
final class LockImage {
  private static final int BLOCK = 512;

  private LockImage() {}

  static byte[] archive() {
    byte[] layer = new byte[2 * BLOCK]; // a tar archive with no entries
    String arch = switch (System.getProperty("os.arch", "amd64")) {
      case "aarch64" -> "arm64";
      case "x86_64" -> "amd64";
      default -> System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    };
    String config = "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"phoenix-lock\"],"
        + "\"Labels\":{\"phoenix.lock-image\":\"" + LockCalls.TAG + "\"}},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + sha256(layer) + "\"]}}";
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String configName = sha256(configBytes) + ".json";
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + LockCalls.IMAGE
        + "\"],\"Layers\":[\"layer.tar\"]}]";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entry(out, "layer.tar", layer);
    entry(out, configName, configBytes);
    entry(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[2 * BLOCK]);
    return out.toByteArray();
  }

  /** One regular file in ustar format. */
  private static void entry(ByteArrayOutputStream out, String name, byte[] content) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format(Locale.ROOT, "%011o", content.length));
    put(h, 136, "00000000000");
    h[156] = '0';
    put(h, 257, "ustar");
    h[263] = '0';
    h[264] = '0';
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format(Locale.ROOT, "%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    out.writeBytes(h);
    out.writeBytes(content);
    int pad = (BLOCK - content.length % BLOCK) % BLOCK;
    out.writeBytes(new byte[pad]);
  }

  private static void put(byte[] header, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
