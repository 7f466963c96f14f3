package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each equal reference and use list across the revisions of one run. A window
 * repeats the same artefacts in every revision (90,000 references, 1,940 unique, in the scale
 * benchmark): holding one copy of each keeps what the run retains small, so the young collections
 * while history is read copy little, and later lookups of the same reference compare by identity.
 * Thread-safe: the environments are read at once.
 */
final class Canonical {
  private final Map<Ref, Ref> refs = new ConcurrentHashMap<>();
  private final Map<List<String>, List<String>> uses = new ConcurrentHashMap<>();
  /** Canonical pairs by the bytes the read cache holds them as ({@link RevisionChunks#decode}). */
  private final Map<Encoded, Pair> encoded = new ConcurrentHashMap<>();

  /** A reference and its use list, both canonical. */
  record Pair(Ref ref, List<String> uses) {}

  /** The pair whose encoding is {@code payload[from, to)}, if one was decoded before; else null. */
  Pair encoded(byte[] payload, int from, int to) {
    return encoded.get(new Encoded(payload, from, to));
  }

  /**
   * Files {@code ref} and {@code uses}, decoded from {@code payload[from, to)}, made canonical; gives
   * the pair filed under those bytes (this one, or one filed meanwhile by another thread).
   */
  Pair encoded(byte[] payload, int from, int to, Ref ref, List<String> uses) {
    Pair made = new Pair(ref(ref), uses(uses));
    Pair before = encoded.putIfAbsent(new Encoded(Arrays.copyOfRange(payload, from, to), 0, to - from), made);
    return before != null ? before : made;
  }

  /** Bytes compared and hashed as a range, so a lookup needs no copy of them. */
  private static final class Encoded {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    Encoded(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Encoded e && e.hash == hash && Arrays.equals(bytes, from, to, e.bytes, e.from, e.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * {@code read}'s references and uses, in its order, each replaced by the run's first equal one. A
   * map this made already (or a revision decoded with it, {@link RunRefs}) is given back as it is: a
   * revision's reading passes here more than once.
   */
  Map<Ref, List<String>> of(Map<Ref, List<String>> read) {
    if (read instanceof Made made && made.by == this) {
      return made;
    }
    if (read instanceof RunRefs run && run.table.by == this) {
      return run;
    }
    Made out = new Made(this, Math.max(4, read.size() * 4 / 3 + 1));
    read.forEach((ref, where) -> out.put(ref(ref), uses(where)));
    return out;
  }

  /** An empty map for canonical references and uses, which {@link #of} gives back as it is. */
  Map<Ref, List<String>> newMap(int expected) {
    return new Made(this, Math.max(4, expected * 4 / 3 + 1));
  }

  /** The run's first reference equal to {@code ref}. */
  Ref ref(Ref ref) {
    Ref known = refs.get(ref); // no lock when known, the usual case
    return known != null ? known : refs.computeIfAbsent(ref, r -> r);
  }

  /** The run's first use list equal to {@code where}, unmodifiable. */
  List<String> uses(List<String> where) {
    List<String> known = uses.get(where);
    return known != null ? known : uses.computeIfAbsent(where, w -> List.copyOf(w));
  }

  /** A map of canonical references and uses, made by {@code by}. */
  private static final class Made extends LinkedHashMap<Ref, List<String>> {
    private final transient Canonical by;

    Made(Canonical by, int capacity) {
      super(capacity);
      this.by = by;
    }
  }
}
