package dev.phoenix.lockfile;

import java.util.Optional;
import java.util.SortedSet;

/**
 * Where an estate's files are read from: the working tree, or one commit of Git history. Paths
 * are repository-relative with forward slashes.
 */
public interface EstateFiles {
  Optional<byte[]> read(String path);

  /** Names of the environments: directories under {@code environments/} holding a lockfile. */
  SortedSet<String> environments();

  /** A human label for messages, e.g. "working tree" or "commit 9f3c2ab (2026-11-01)". */
  String label();
}
