package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct (reference, use list) pairs of a run of revisions filed in or decoded from the read
 * cache ({@link RevisionChunks}), canonical; each revision of the run is a {@link RunRefs} of
 * positions in it. One reference may sit at several positions, with different use lists (an
 * artefact used by another service from some day on); {@link #refId} names each position's
 * reference by the first position holding it. Whoever walks many revisions of one run (the tally)
 * can tell a reference it passed before by its position, with no hash.
 */
final class RunTable {
  final Canonical by;
  final Ref[] refs;
  final List<?>[] uses;
  /** For each position, the first position whose reference is the same (canonical, so identical). */
  final int[] refId;
  private volatile Map<Ref, Integer> firstByRef;

  /** {@code refs}: canonical by {@code by}, so an equal reference is the same instance. */
  RunTable(Canonical by, Ref[] refs, List<?>[] uses) {
    this.by = by;
    this.refs = refs;
    this.uses = uses;
    this.refId = new int[refs.length];
    Map<Ref, Integer> first = new IdentityHashMap<>(refs.length);
    for (int i = 0; i < refs.length; i++) {
      Integer before = first.putIfAbsent(refs[i], i);
      refId[i] = before == null ? i : before;
    }
  }

  int size() {
    return refs.length;
  }

  /** The first position of a reference equal to {@code ref}, or -1; the index is made on the first ask. */
  int refIdOf(Object ref) {
    Map<Ref, Integer> index = firstByRef;
    if (index == null) {
      index = new HashMap<>(refs.length * 4 / 3 + 1);
      for (int i = 0; i < refs.length; i++) {
        index.putIfAbsent(refs[i], i);
      }
      firstByRef = index;
    }
    Integer at = index.get(ref);
    return at == null ? -1 : at;
  }
}
