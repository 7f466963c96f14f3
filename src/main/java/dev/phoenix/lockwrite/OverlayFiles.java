package dev.phoenix.lockwrite;

import dev.phoenix.lockfile.EstateFiles;
import java.util.SortedSet;

/** The estate files as they would be after a write: one path replaced, the rest as they are. */
record OverlayFiles(EstateFiles base, String path, byte[] content) implements EstateFiles {
  @Override
  public Lookup lookup(String p) {
    return p.equals(path) ? Lookup.of(content) : base.lookup(p);
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
