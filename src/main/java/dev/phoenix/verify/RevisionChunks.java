package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.EntryCodec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consecutive revisions of an environment read from the cache as one entry (kind {@value #KIND}):
 * the distinct references and use lists of the run once, then each revision as indexes into them.
 * A night's window repeats the same artefacts in revision after revision, so this decodes each one
 * once per run instead of once per revision, and opens one file instead of dozens.
 *
 * <p>Where runs end is decided by the revisions' own keys (a cut after each key whose hash says
 * so, about one in {@value #AVERAGE}), never by their positions, and a run is filed under the key
 * of its last revision, with every key it holds. So when the window slides by a day, its first run
 * is the end of a run already filed, and is read from it. The revisions after the window's last cut
 * form an open run, which grows night after night: those are read and filed one by one
 * ({@link RevisionReading#KIND}) until a cut closes them into a run. A cold read of a year thus
 * writes one entry per run, not one per revision.
 *
 * <p>A key can end more than one run: a lockfile rolled back to an earlier content makes the same
 * key again, and when that key ends a run, each of its places ends one, each with its own revisions
 * before it. So an entry holds every run filed under its key ({@value #MOST} at most, the newest
 * first), each a part of its own: a run filed there never puts out another, which would be read
 * again and put back night after night.
 */
final class RevisionChunks {
  static final String KIND = "runs";
  static final int AVERAGE = 16;
  /** Runs kept under one key: the places a rolled-back content ends a run in one window, and more. */
  static final int MOST = 8;

  private RevisionChunks() {}

  /**
   * Revisions {@code from} (inclusive) to {@code to} (exclusive) of a list. {@code closed}: ended
   * by a cut or by a revision without a key (which is a run of its own); only the last run of a list
   * may be open.
   */
  record Run(int from, int to, boolean closed) {
    int size() {
      return to - from;
    }
  }

  /**
   * The runs of {@code keys}, in order and covering all of them; a revision without a key (its files
   * are not all plain blobs, so it is never cached) is a run of its own.
   */
  static List<Run> cut(List<Optional<String>> keys) {
    List<Run> runs = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < keys.size(); i++) {
      Optional<String> key = keys.get(i);
      if (key.isEmpty()) {
        if (start < i) {
          runs.add(new Run(start, i, true)); // ended by a revision, as a cut ends one
        }
        runs.add(new Run(i, i + 1, true));
        start = i + 1;
      } else if (endsRun(key.get())) {
        runs.add(new Run(start, i + 1, true));
        start = i + 1;
      }
    }
    if (start < keys.size()) {
      runs.add(new Run(start, keys.size(), false));
    }
    return runs;
  }

  /** About one key in {@value #AVERAGE} ends a run (String.hashCode is the same in every JVM). */
  static boolean endsRun(String key) {
    return (key.hashCode() * 0x9E3779B9) >>> 28 == 0;
  }

  /** The entry a closed run is filed under: its last revision's key. */
  static String key(List<String> keys) {
    return "ending " + keys.get(keys.size() - 1);
  }

  /** The entry of the run of revisions with {@code keys}, and their readings, filed alone. */
  static byte[] encode(List<String> keys, List<RevisionReading> readings) {
    return entry(file(readings, new Canonical()).encode(keys), keys, Optional.empty());
  }

  /**
   * The entry holding {@code run} (as {@link Filed#encode} wrote it for {@code keys}) first, then
   * the runs of {@code before} (the entry under the same key, if any) that still count: not one
   * whose revisions end {@code run}'s, which the new one holds, and {@value #MOST} runs in all. A
   * {@code before} that does not decode is dropped whole.
   */
  static byte[] entry(byte[] run, List<String> keys, Optional<byte[]> before) {
    List<byte[]> runs = new ArrayList<>();
    runs.add(run);
    before.ifPresent(entry -> {
      try {
        EntryCodec.In in = new EntryCodec.In(entry);
        int n = in.count();
        List<byte[]> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          byte[] other = in.part().rest();
          if (!endsWith(keys, keysOf(new EntryCodec.In(other)))) {
            kept.add(other);
          }
        }
        in.end();
        kept.stream().limit(MOST - 1).forEach(runs::add);
      } catch (EntryCodec.Malformed | IllegalArgumentException e) {
        // not an entry of this format: the new run alone
      }
    });
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(runs.size());
    runs.forEach(out::part);
    return out.bytes();
  }

  private static List<String> keysOf(EntryCodec.In run) {
    int n = run.count();
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(run.text());
    }
    return keys;
  }

  /** Whether {@code keys} ends with {@code end}. */
  private static boolean endsWith(List<String> keys, List<String> end) {
    int skip = keys.size() - end.size();
    return skip >= 0 && keys.subList(skip, keys.size()).equals(end);
  }

  /**
   * A run's readings as the cache files them: the table of its distinct (reference, use list) pairs,
   * in the order first met, and each reading with its references as positions in it ({@link RunRefs},
   * as {@link #decode} gives them back the next night).
   */
  record Filed(RunTable table, List<RevisionReading> readings) {
    /** The entry of the run of revisions with {@code keys}: what {@link #decode} reads. */
    byte[] encode(List<String> keys) {
      EntryCodec.Out out = new EntryCodec.Out();
      out.integer(readings.size());
      keys.forEach(out::text);
      out.integer(table.size());
      for (int p = 0; p < table.size(); p++) {
        @SuppressWarnings("unchecked")
        List<String> uses = (List<String>) table.uses[p];
        RevisionReading.writeUse(out, table.refs[p], uses);
      }
      for (RevisionReading r : readings) {
        int[] positions = ((RunRefs) r.refs()).positions;
        out.integer(positions.length);
        for (int p : positions) {
          out.integer(p);
        }
        r.writeRest(out);
      }
      return out.bytes();
    }
  }

  /**
   * {@code readings} filed as one run, their references and uses made {@code canonical}'s first. A
   * pair is found by identity (canonical, so an equal one is the same instance): no reference or use
   * list is hashed. A reference with several use lists is chained from its first position.
   */
  static Filed file(List<RevisionReading> readings, Canonical canonical) {
    Map<Ref, Integer> first = new IdentityHashMap<>();
    List<Ref> refs = new ArrayList<>();
    List<List<String>> uses = new ArrayList<>();
    List<Integer> next = new ArrayList<>(); // the next position of the same reference, or -1
    List<int[]> positions = new ArrayList<>(readings.size());
    for (RevisionReading r : readings) {
      Map<Ref, List<String>> map = canonical.of(r.refs());
      int[] at = new int[map.size()];
      int[] k = {0};
      map.forEach((ref, where) -> {
        Integer known = first.get(ref);
        int p;
        if (known == null) {
          p = place(refs, uses, next, ref, where);
          first.put(ref, p);
        } else {
          p = known;
          while (uses.get(p) != where) {
            if (next.get(p) < 0) {
              int added = place(refs, uses, next, ref, where);
              next.set(p, added);
              p = added;
            } else {
              p = next.get(p);
            }
          }
        }
        at[k[0]++] = p;
      });
      positions.add(at);
    }
    RunTable table = new RunTable(canonical, refs.toArray(Ref[]::new), uses.toArray(List<?>[]::new));
    List<RevisionReading> filed = new ArrayList<>(readings.size());
    for (int i = 0; i < readings.size(); i++) {
      RevisionReading r = readings.get(i);
      filed.add(new RevisionReading(new RunRefs(table, positions.get(i)), r.problems(), r.datastores()));
    }
    return new Filed(table, filed);
  }

  private static int place(List<Ref> refs, List<List<String>> uses, List<Integer> next, Ref ref, List<String> where) {
    refs.add(ref);
    uses.add(where);
    next.add(-1);
    return refs.size() - 1;
  }

  /**
   * The readings of the revisions with keys {@code wanted}, when they are the last ones of a run
   * filed in {@code payload} (empty otherwise); their references and use lists already
   * {@code canonical}'s. Only that run is decoded; the entry's other runs are passed over.
   */
  static Optional<List<RevisionReading>> decode(byte[] payload, List<String> wanted, Canonical canonical) {
    EntryCodec.In entry = new EntryCodec.In(payload);
    int runs = entry.count();
    Optional<List<RevisionReading>> found = Optional.empty();
    for (int r = 0; r < runs; r++) {
      EntryCodec.In run = entry.part();
      if (found.isEmpty()) {
        found = decodeRun(payload, run, wanted, canonical);
      }
    }
    entry.end();
    return found;
  }

  /** {@code in}: a run's part of {@code payload}, whose bytes key the pairs already decoded. */
  private static Optional<List<RevisionReading>> decodeRun(byte[] payload, EntryCodec.In in, List<String> wanted,
      Canonical canonical) {
    List<String> keys = keysOf(in);
    int n = keys.size();
    int skip = n - wanted.size();
    if (!endsWith(keys, wanted)) {
      return Optional.empty();
    }
    int m = in.count();
    Ref[] refs = new Ref[m];
    List<?>[] uses = new List<?>[m];
    for (int j = 0; j < m; j++) { // a pair whose bytes were decoded before is not decoded again
      int from = in.position();
      RevisionReading.skipUse(in);
      int to = in.position();
      Canonical.Pair pair = canonical.encoded(payload, from, to);
      if (pair == null) {
        in.position(from);
        Ref ref = RevisionReading.readRef(in);
        pair = canonical.encoded(payload, from, to, ref, RevisionReading.readUses(in));
        if (in.position() != to) {
          throw new EntryCodec.Malformed("a reference read over " + (in.position() - from) + " bytes, passed over " + (to - from));
        }
      }
      refs[j] = pair.ref();
      uses[j] = pair.uses();
    }
    RunTable table = new RunTable(canonical, refs, uses);
    int[] refId = table.refId;
    int[] stamp = new int[m]; // the revision (1-based) that last held each reference: one held twice is malformed
    List<RevisionReading> readings = new ArrayList<>(wanted.size());
    for (int i = 0; i < n; i++) {
      int k = in.count();
      int[] positions = new int[k]; // into the table, whose references are canonical once for the run
      for (int j = 0; j < k; j++) {
        long at = in.integer();
        if (at < 0 || at >= m) {
          throw new EntryCodec.Malformed("bad index " + at);
        }
        if (stamp[refId[(int) at]] == i + 1) {
          throw new EntryCodec.Malformed("a reference twice in one revision");
        }
        stamp[refId[(int) at]] = i + 1;
        positions[j] = (int) at;
      }
      RevisionReading reading = RevisionReading.readRest(in, new RunRefs(table, positions));
      if (i >= skip) {
        readings.add(reading);
      }
    }
    in.end();
    return Optional.of(readings);
  }
}
