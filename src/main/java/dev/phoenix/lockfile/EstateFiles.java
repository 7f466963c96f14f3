package dev.phoenix.lockfile;

import java.util.Optional;
import java.util.SortedSet;

/**
 * Where an estate's files are read from: the working tree, or one commit of Git history. Paths
 * are repository-relative with forward slashes. Only regular files inside the repository are
 * read: a symbolic link (on disk or committed, git mode 120000), a directory where a file is
 * expected or a path leaving the repository is {@linkplain Lookup#refusal() refused}, never
 * followed (docs/security.md).
 */
public interface EstateFiles {
  /** The file at {@code path}: its bytes, absent, or refused with the reason. */
  Lookup lookup(String path);

  /** The bytes of a regular file at {@code path}; empty when absent or refused. */
  default Optional<byte[]> read(String path) {
    return lookup(path).bytes();
  }

  /** Names of the environments: directories under {@code environments/} holding a lockfile. */
  SortedSet<String> environments();

  /** A human label for messages, e.g. "working tree" or "commit 9f3c2ab (2026-11-01)". */
  String label();

  /** What reading one path found. */
  record Lookup(byte[] content, String refused) {
    private static final Lookup ABSENT = new Lookup(null, null);

    public static Lookup absent() {
      return ABSENT;
    }

    public static Lookup of(byte[] content) {
      return new Lookup(content, null);
    }

    /** @param why e.g. "is a symbolic link", completing "{path} {why}" */
    public static Lookup refused(String why) {
      return new Lookup(null, why);
    }

    public boolean isAbsent() {
      return content == null && refused == null;
    }

    public Optional<byte[]> bytes() {
      return Optional.ofNullable(content);
    }

    public Optional<String> refusal() {
      return Optional.ofNullable(refused);
    }
  }

  /** The message of a refused path: what it is, and that Phoenix reads only regular files inside the repository. */
  static String refusedMessage(String path, String why) {
    return path + " " + why + "; Phoenix reads only regular files inside the repository and never follows links";
  }

  /**
   * Why a repository-relative path cannot be read at all (absolute, {@code ..}, empty or odd
   * segments), or empty when it is a plain relative path.
   */
  static Optional<String> badPath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
      return Optional.of("is not a path inside the repository");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of("is not a path inside the repository");
      }
    }
    return Optional.empty();
  }
}
