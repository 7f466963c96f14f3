package dev.phoenix.history;

import dev.phoenix.core.EntryCodec;
import dev.phoenix.core.ReadCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code history}, {@code verify} and {@code protect} read from lockfiles and blueprints, on
 * the repository's {@link ReadCache}: each kept under the Git objects it was read from, so a blob
 * is parsed once, ever. The kinds: {@code names} (the stacks a lockfile blob names), {@code changes}
 * (what changed between two revisions, value-free as {@code history} prints it; {@link ChangesTable}
 * keeps one run's as one entry per environment) and whatever a
 * caller stores through {@link #get} (verify's {@code reading}: references and problems).
 * Nothing here holds a secret: lockfiles and blueprints carry none, and a plain config value that
 * looks secret is already {@code <redacted>} in a change.
 */
public final class RevisionCache {
  private final ReadCache cache;

  public RevisionCache(ReadCache cache) {
    this.cache = cache;
  }

  public ReadCache store() {
    return cache;
  }

  /**
   * The value of {@code kind} under {@code key}: decoded from the cache, or made by {@code read}
   * and stored; {@code key} empty: never cached (the files could not be identified by their blobs).
   * An entry that does not decode is read again and overwritten.
   */
  public <T> T get(String kind, Optional<String> key, Function<byte[], T> decode, Function<T, byte[]> encode,
      Supplier<T> read) {
    if (key.isEmpty()) {
      return read.get();
    }
    Optional<T> hit = find(kind, key.get(), decode); // not decodable: read again, overwritten below
    if (hit.isPresent()) {
      return hit.get();
    }
    T value = read.get();
    if (cache.enabled()) { // off (--cache-dir off): nothing to encode for
      cache.put(kind, key.get(), encode.apply(value));
    }
    return value;
  }

  /** The value of {@code kind} under {@code key} when the cache has it and it decodes; never stores. */
  public <T> Optional<T> find(String kind, String key, Function<byte[], T> decode) {
    Optional<byte[]> hit = cache.get(kind, key);
    if (hit.isPresent()) {
      try {
        return Optional.of(decode.apply(hit.get()));
      } catch (EntryCodec.Malformed | IllegalArgumentException | NullPointerException e) {
        // checksummed but not decodable (a format slip): as absent
      }
    }
    return Optional.empty();
  }

  /** The stack names of a lockfile (empty: unreadable). */
  Optional<List<String>> names(String lockEntry, Supplier<Optional<List<String>>> read) {
    return get("names", Optional.of(lockEntry), RevisionCache::decodeNames, RevisionCache::encodeNames, read);
  }

  /** What changed from the revision {@code before} to {@code after} (each a revision key, "" for none). */
  List<Change> changes(Optional<String> key, Supplier<List<Change>> read) {
    return get("changes", key, RevisionCache::decodeChanges, RevisionCache::encodeChanges, read);
  }

  static byte[] encodeNames(Optional<List<String>> names) {
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(names.isPresent() ? names.get().size() : -1);
    names.ifPresent(list -> list.forEach(out::text));
    return out.bytes();
  }

  static Optional<List<String>> decodeNames(byte[] payload) {
    EntryCodec.In in = new EntryCodec.In(payload);
    long n = in.integer();
    if (n == -1) {
      in.end();
      return Optional.empty();
    }
    if (n < 0 || n > payload.length) {
      throw new EntryCodec.Malformed("bad count");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(java.util.Objects.requireNonNull(in.text()));
    }
    in.end();
    return Optional.of(List.copyOf(names));
  }

  static byte[] encodeChanges(List<Change> changes) {
    EntryCodec.Out out = new EntryCodec.Out();
    writeChanges(out, changes);
    return out.bytes();
  }

  static void writeChanges(EntryCodec.Out out, List<Change> changes) {
    out.integer(changes.size());
    for (Change c : changes) {
      out.text(c.kind().name()).text(c.subject()).text(c.from()).text(c.to());
    }
  }

  static List<Change> decodeChanges(byte[] payload) {
    EntryCodec.In in = new EntryCodec.In(payload);
    List<Change> changes = readChanges(in);
    in.end();
    return changes;
  }

  static List<Change> readChanges(EntryCodec.In in) {
    int n = in.count();
    List<Change> changes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      changes.add(new Change(Change.Kind.valueOf(in.text()), in.text(), in.text(), in.text()));
    }
    return List.copyOf(changes);
  }
}
