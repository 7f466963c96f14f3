package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct references of a run of revisions decoded from the read cache ({@link RevisionChunks}),
 * with their use lists, canonical; each revision of the run is a {@link RunRefs} of positions in it.
 * Whoever walks many revisions of one run (the tally) can tell a reference it passed before by its
 * position, with no hash.
 */
final class RunTable {
  final Canonical by;
  final Ref[] refs;
  final List<?>[] uses;
  private volatile Map<Ref, Integer> positions;

  RunTable(Canonical by, Ref[] refs, List<?>[] uses) {
    this.by = by;
    this.refs = refs;
    this.uses = uses;
  }

  int size() {
    return refs.length;
  }

  /** The position of a reference equal to {@code ref}, or -1; the index is made on the first ask. */
  int positionOf(Object ref) {
    Map<Ref, Integer> index = positions;
    if (index == null) {
      index = new HashMap<>(refs.length * 4 / 3 + 1);
      for (int i = 0; i < refs.length; i++) {
        index.putIfAbsent(refs[i], i);
      }
      positions = index;
    }
    Integer at = index.get(ref);
    return at == null ? -1 : at;
  }
}
