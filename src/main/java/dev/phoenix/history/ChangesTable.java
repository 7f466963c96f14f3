package dev.phoenix.history;

import dev.phoenix.core.EntryCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What changed at each step of one {@code history} run, kept as one cache entry per environment
 * beside the entry per pair of revisions: a warm run reads one entry instead of one per step (3,334
 * on the 10,000-commit benchmark). Every change list is filed under its two revisions' keys, which
 * name their content, so a table left by any earlier run is right for every pair it holds; a pair
 * it lacks is found per pair, as without it, and the table is written again with this run's pairs.
 */
final class ChangesTable {
  static final String KIND = "changes-table";
  private final RevisionCache cache;
  private final String environment;
  private final Map<String, List<Change>> known;
  private final Map<String, List<Change>> used = new LinkedHashMap<>();
  private boolean learned;

  private ChangesTable(RevisionCache cache, String environment, Map<String, List<Change>> known) {
    this.cache = cache;
    this.environment = environment;
    this.known = known;
  }

  /** The table the last run left for the environment (empty when none, damaged or the cache is off). */
  static ChangesTable load(RevisionCache cache, String environment) {
    return new ChangesTable(cache, environment, cache.find(KIND, environment, ChangesTable::decode).orElse(Map.of()));
  }

  /** The changes under {@code key} (two revision keys): from the table, else as {@link RevisionCache#changes}. */
  List<Change> changes(Optional<String> key, Supplier<List<Change>> read) {
    if (key.isEmpty()) {
      return cache.changes(key, read);
    }
    List<Change> changes = known.get(key.get());
    if (changes == null) {
      changes = cache.changes(key, read);
      learned = true;
    }
    used.put(key.get(), changes);
    return changes;
  }

  /** Stores this run's pairs when the table lacked one or held others. */
  void save() {
    if (cache.store().enabled() && (learned || used.size() != known.size())) {
      EntryCodec.Out out = new EntryCodec.Out();
      out.integer(used.size());
      used.forEach((key, changes) -> {
        out.text(key);
        RevisionCache.writeChanges(out, changes);
      });
      cache.store().put(KIND, environment, out.bytes());
    }
  }

  private static Map<String, List<Change>> decode(byte[] payload) {
    EntryCodec.In in = new EntryCodec.In(payload);
    int n = in.count();
    Map<String, List<Change>> table = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String key = java.util.Objects.requireNonNull(in.text());
      table.put(key, RevisionCache.readChanges(in));
    }
    in.end();
    return table;
  }
}
