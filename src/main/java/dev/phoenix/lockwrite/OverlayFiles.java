package dev.phoenix.lockwrite;

import dev.phoenix.lockfile.EstateFiles;
import java.util.Optional;
import java.util.SortedSet;

/** The estate files as they would be after a write: one path replaced, the rest as they are. */
record OverlayFiles(EstateFiles base, String path, byte[] content) implements EstateFiles {
  @Override
  public Optional<byte[]> read(String p) {
    return p.equals(path) ? Optional.of(content) : base.read(p);
  }

  @Override
  public SortedSet<String> environments() {
    return base.environments();
  }

  @Override
  public String label() {
    return base.label() + " with the edited " + path;
  }
}
