package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.EntryCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
 * so, about one in {@value #AVERAGE}), not by their positions: when the window slides by a day, or
 * a new revision is committed, only the first and last runs change, and their revisions come from
 * their own entries ({@link RevisionReading#KIND}), which stay beside these.
 */
final class RevisionChunks {
  static final String KIND = "readings";
  static final int AVERAGE = 16;
  /** A run is cut at this length whatever its keys (rarely reached: (15/16)^64 is under 2%). */
  static final int LONGEST = 64;

  private RevisionChunks() {}

  /** Revisions {@code from} (inclusive) to {@code to} (exclusive) of a list. */
  record Run(int from, int to) {
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
          runs.add(new Run(start, i));
        }
        runs.add(new Run(i, i + 1));
        start = i + 1;
      } else if (endsRun(key.get()) || i + 1 - start >= LONGEST) {
        runs.add(new Run(start, i + 1));
        start = i + 1;
      }
    }
    if (start < keys.size()) {
      runs.add(new Run(start, keys.size()));
    }
    return runs;
  }

  /** About one key in {@value #AVERAGE} ends a run (String.hashCode is the same in every JVM). */
  static boolean endsRun(String key) {
    return (key.hashCode() * 0x9E3779B9) >>> 28 == 0;
  }

  /** The entry's key: every revision key of the run, digested (they are long). */
  static String key(List<Optional<String>> keys, Run run) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int i = run.from(); i < run.to(); i++) {
        sha.update(keys.get(i).orElseThrow().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return run.size() + " " + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] encode(List<RevisionReading> readings) {
    Map<Map.Entry<Ref, List<String>>, Integer> table = new LinkedHashMap<>();
    readings.forEach(r -> r.refs().forEach((ref, uses) -> table.putIfAbsent(Map.entry(ref, uses), table.size())));
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(readings.size());
    out.integer(table.size());
    table.keySet().forEach(e -> RevisionReading.writeUse(out, e.getKey(), e.getValue()));
    for (RevisionReading r : readings) {
      out.integer(r.refs().size());
      r.refs().forEach((ref, uses) -> out.integer(table.get(Map.entry(ref, uses))));
      r.writeRest(out);
    }
    return out.bytes();
  }

  /** The run's readings, their references and use lists already {@code canonical}'s. */
  static List<RevisionReading> decode(byte[] payload, Canonical canonical) {
    EntryCodec.In in = new EntryCodec.In(payload);
    int n = in.count();
    int m = in.count();
    Ref[] refs = new Ref[m];
    List<?>[] uses = new List<?>[m];
    for (int j = 0; j < m; j++) {
      refs[j] = canonical.ref(RevisionReading.readRef(in));
      uses[j] = canonical.uses(RevisionReading.readUses(in));
    }
    List<RevisionReading> readings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = in.count();
      Map<Ref, List<String>> map = new LinkedHashMap<>(Math.max(4, k * 4 / 3 + 1));
      for (int j = 0; j < k; j++) {
        long at = in.integer();
        if (at < 0 || at >= m) {
          throw new EntryCodec.Malformed("bad index " + at);
        }
        @SuppressWarnings("unchecked")
        List<String> where = (List<String>) uses[(int) at];
        map.put(refs[(int) at], where);
      }
      if (map.size() != k) {
        throw new EntryCodec.Malformed("a reference twice in one revision");
      }
      readings.add(RevisionReading.readRest(in, map));
    }
    in.end();
    return readings;
  }
}
