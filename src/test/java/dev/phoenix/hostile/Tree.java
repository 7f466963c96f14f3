package dev.phoenix.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What is under a directory, links not followed: each path with its type, mode and, for files,
 * a hash of the content. Two snapshots compare equal when nothing under the directory changed.
 */
final class Tree {
  private Tree() {}

  static Map<String, String> of(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.forEach(p -> out.put(root.relativize(p).toString(), describe(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Type, permission bits and content hash (files) or target (links) of one path. */
  static String describe(Path p) {
    try {
      int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      String type = switch (mode & 0170000) {
        case 0100000 -> "file";
        case 0040000 -> "dir";
        case 0120000 -> "link";
        case 0010000 -> "fifo";
        case 0020000 -> "char";
        case 0140000 -> "socket";
        default -> "other";
      };
      String perms = Integer.toOctalString(mode & 07777);
      return switch (type) {
        case "file" -> "file " + perms + " " + HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        case "link" -> "link -> " + Files.readSymbolicLink(p);
        default -> type + " " + perms;
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mode bits of a path (links not followed), e.g. 0644. */
  static int mode(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a shell command (mkfifo, mknod, umask) and returns its output; fails the test when it fails. */
  static String sh(String command) {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
