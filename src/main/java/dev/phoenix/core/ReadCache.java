package dev.phoenix.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.CRC32C;
import java.util.zip.Inflater;

/**
 * What Phoenix read from Git blobs, kept on disk so each blob's content is parsed once, ever: an
 * entry per key (a kind and the blob ids it was read from; a blob's content never changes, so an
 * entry never goes stale). Never required: any failure to read or write it falls back to reading
 * the blobs.
 *
 * <ul>
 *   <li><b>never trusted</b>: an entry holds its full key and a CRC-32C of everything before it
 *       (damage, not tampering, is what it guards against: whoever can write the cache can write a
 *       matching digest of any kind); an entry that is truncated, damaged, misfiled or of another
 *       format is deleted and read again;
 *   <li><b>versioned</b>: entries live under a directory named after {@link #FORMAT} and Phoenix's
 *       {@link Version}; another version's directories are removed on the first write (its rules
 *       may read a file differently);
 *   <li><b>bounded</b>: when the entries pass {@code maxBytes}, the least recently used are deleted
 *       down to 80% of it (a hit touches its entry, at most once an hour);
 *   <li><b>atomic</b>: every entry is written whole through {@link AtomicFiles} (renamed into
 *       place; not flushed one by one: a torn entry after a crash fails its checksum); two processes
 *       writing one key write the same bytes, and the last rename wins;
 *   <li><b>no secret</b>: callers store only what they read from committed lockfiles and
 *       blueprints (references, stack names, problems, value-free change descriptions), never a
 *       value fetched from a store.
 * </ul>
 *
 * <p>Where: {@code --cache-dir} (the system property {@value #DIR_PROPERTY}), else
 * {@code PHOENIX_CACHE_DIR}, else {@code <git dir>/phoenix/readings}; {@code off} turns it off.
 */
public final class ReadCache {
  /** A hit touches its entry (for eviction's order) only when it was last touched longer ago than this. */
  private static final long TOUCH_AFTER_MS = 3_600_000L;

  /**
   * One compressor and one decompressor per thread, reset for each entry: making zlib's state
   * costs more than compressing a small entry (2,000 entries of 9 KB: 450 ms of CPU made afresh,
   * 280 ms reused).
   */
  private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

  /** Bump whenever what a caller stores, or how an entry is laid out, changes. */
  public static final int FORMAT = 2;
  public static final String DIR_PROPERTY = "phoenix.cache.readings";
  public static final String DIR_ENV = "PHOENIX_CACHE_DIR";
  public static final String MAX_PROPERTY = "phoenix.cache.max-bytes";
  public static final long DEFAULT_MAX_BYTES = 512L << 20;
  private static final int MAGIC = 0x50485243; // "PHRC"
  private static final int CHECKSUM = 4;
  private static final Map<String, ReadCache> OPEN = new ConcurrentHashMap<>();
  private static final ReadCache OFF = new ReadCache(null, "", 0);

  private final Path root;
  private final Path dir;
  private final String version;
  private final long maxBytes;
  private final AtomicLong size = new AtomicLong(-1);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private volatile boolean othersRemoved;
  /** What {@link #update} holds while it reads and writes an entry, chosen by the entry's key. */
  private final Object[] updating = new Object[32];

  /** A cache under {@code root} for this Phoenix {@code version}, holding at most {@code maxBytes}. */
  public ReadCache(Path root, String version, long maxBytes) {
    this.root = root;
    this.version = version;
    this.maxBytes = maxBytes;
    Arrays.setAll(updating, i -> new Object());
    this.dir = root == null ? null : root.resolve("v" + FORMAT + "-" + hex(sha256(version.getBytes(StandardCharsets.UTF_8))).substring(0, 12));
  }

  /** The cache of the repository whose Git directory is {@code gitDir}, one instance per location in a process. */
  public static ReadCache forRepository(Path gitDir) {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(DIR_ENV);
    }
    if ("off".equals(configured)) {
      return OFF;
    }
    Path root = configured == null || configured.isBlank()
        ? gitDir.toAbsolutePath().resolve("phoenix").resolve("readings") : Path.of(configured).toAbsolutePath();
    long max = DEFAULT_MAX_BYTES;
    try {
      String m = System.getProperty(MAX_PROPERTY);
      if (m != null) {
        max = Long.parseLong(m);
      }
    } catch (NumberFormatException e) {
      // the default bound
    }
    long bound = max;
    return OPEN.computeIfAbsent(root.normalize() + "\0" + bound, k -> new ReadCache(root.normalize(), Version.current(), bound));
  }

  public boolean enabled() {
    return dir != null;
  }

  /** The entry stored under {@code kind} and {@code key}, or empty (absent, unreadable, or damaged and now deleted). */
  public Optional<byte[]> get(String kind, String key) {
    if (dir == null) {
      return Optional.empty();
    }
    Path file = file(kind, key);
    Stored stored = read(file);
    if (stored == null) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    Optional<byte[]> payload = decode(stored.bytes(), kind + "\0" + key);
    if (payload.isEmpty()) {
      discarded.incrementAndGet();
      misses.incrementAndGet();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // overwritten by the next put
      }
      return Optional.empty();
    }
    hits.incrementAndGet();
    long now = System.currentTimeMillis();
    if (now - stored.modified() > TOUCH_AFTER_MS) { // a warm history reads 3,300 entries: no write for each
      try {
        Files.setLastModifiedTime(file, FileTime.fromMillis(now));
      } catch (IOException e) {
        // only eviction order depends on it
      }
    }
    return payload;
  }

  /** An entry's bytes and when it was last written or touched. */
  private record Stored(byte[] bytes, long modified) {}

  /**
   * An entry, or null when it is absent or unreadable. An absent entry is found by
   * {@code java.io.File}, which answers without an exception (NIO's read fails with one, stack
   * trace and all, and a cold night misses 10,000 times), in the same look that gives its time.
   */
  private static Stored read(Path file) {
    long modified = file.toFile().lastModified(); // 0: absent
    if (modified == 0L) {
      return null;
    }
    try {
      return new Stored(Files.readAllBytes(file), modified);
    } catch (IOException e) {
      return null;
    }
  }

  /** Stores {@code payload} under {@code kind} and {@code key}; a failure is ignored (the cache only saves time). */
  public void put(String kind, String key, byte[] payload) {
    if (dir == null) {
      return;
    }
    try {
      removeOtherVersions();
      byte[] entry = encode(kind + "\0" + key, payload);
      AtomicFiles.writeCacheEntry(file(kind, key), entry);
      if (size.get() < 0) {
        size.compareAndSet(-1, measure());
      } else {
        size.addAndGet(entry.length);
      }
      if (size.get() > maxBytes) {
        evict();
      }
    } catch (RuntimeException e) {
      // a read-only or full disk: go on without the cache
    }
  }

  /**
   * Stores under {@code kind} and {@code key} what {@code change} makes of the entry there (empty:
   * absent or damaged): for an entry that gathers several values under one key. Updates of one key
   * are made one at a time in this process; another process may still write between the read and
   * the write, and then one of the two values is lost, which costs a reading again, never a wrong one.
   */
  public void update(String kind, String key, Function<Optional<byte[]>, byte[]> change) {
    if (dir == null) {
      return;
    }
    synchronized (updating[Math.floorMod((kind + "\0" + key).hashCode(), updating.length)]) {
      Stored stored = read(file(kind, key));
      Optional<byte[]> now = stored == null ? Optional.empty() : decode(stored.bytes(), kind + "\0" + key);
      put(kind, key, change.apply(now));
    }
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  /** Entries found damaged and deleted. */
  public long discarded() {
    return discarded.get();
  }

  /** Where this version's entries live (null when off). */
  public Path directory() {
    return dir;
  }

  private Path file(String kind, String key) {
    String name = hex(sha256((kind + "\0" + key).getBytes(StandardCharsets.UTF_8)));
    return dir.resolve(name.substring(0, 2)).resolve(name.substring(2) + ".entry");
  }

  static byte[] encode(String key, byte[] payload) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] packed = deflate(payload);
    ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + k.length + 4 + 4 + packed.length + CHECKSUM);
    b.putInt(MAGIC).putInt(FORMAT).putInt(k.length).put(k).putInt(payload.length).putInt(packed.length).put(packed);
    b.putInt(crc(b.array(), b.position()));
    return b.array();
  }

  static Optional<byte[]> decode(byte[] raw, String key) {
    try {
      if (raw.length < CHECKSUM + 20) {
        return Optional.empty();
      }
      int bodyLength = raw.length - CHECKSUM;
      if (crc(raw, bodyLength) != ByteBuffer.wrap(raw, bodyLength, CHECKSUM).getInt()) {
        return Optional.empty();
      }
      ByteBuffer b = ByteBuffer.wrap(raw, 0, bodyLength);
      if (b.getInt() != MAGIC || b.getInt() != FORMAT) {
        return Optional.empty();
      }
      byte[] k = new byte[b.getInt()];
      b.get(k);
      if (!key.equals(new String(k, StandardCharsets.UTF_8))) {
        return Optional.empty(); // a misfiled entry
      }
      int length = b.getInt();
      byte[] packed = new byte[b.getInt()];
      b.get(packed);
      if (b.hasRemaining()) {
        return Optional.empty();
      }
      return inflate(packed, length);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void removeOtherVersions() {
    if (othersRemoved) {
      return;
    }
    othersRemoved = true;
    try (Stream<Path> children = Files.list(root)) {
      for (Path other : children.filter(p -> p.getFileName().toString().matches("v[0-9]+-[0-9a-f]{12}") && !p.equals(dir)).toList()) {
        deleteTree(other);
      }
    } catch (IOException | RuntimeException e) {
      // nothing there yet, or not ours to clean
    }
  }

  private static void deleteTree(Path tree) throws IOException {
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private record Entry(Path path, long size, long modified) {}

  private List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(p -> p.toString().endsWith(".entry")).forEach(p -> {
        try {
          out.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
          // deleted meanwhile
        }
      });
    } catch (IOException | RuntimeException e) {
      // nothing to count
    }
    return out;
  }

  private long measure() {
    return entries().stream().mapToLong(Entry::size).sum();
  }

  private synchronized void evict() {
    List<Entry> all = new ArrayList<>(entries());
    long total = all.stream().mapToLong(Entry::size).sum();
    all.sort(Comparator.comparingLong(Entry::modified));
    long target = maxBytes * 8 / 10;
    for (Entry e : all) {
      if (total <= target) {
        break;
      }
      try {
        Files.deleteIfExists(e.path());
        total -= e.size();
      } catch (IOException ex) {
        // another process holds it: try the next
      }
    }
    size.set(total);
  }

  private static byte[] deflate(byte[] data) {
    Deflater d = DEFLATERS.get();
    d.reset();
    try {
      d.setInput(data);
      d.finish();
      byte[] out = new byte[Math.max(64, data.length / 4)];
      int n = 0;
      while (!d.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += d.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      d.reset(); // lets go of the input
    }
  }

  private static Optional<byte[]> inflate(byte[] packed, int length) {
    if (length < 0 || length > (64 << 20)) {
      return Optional.empty();
    }
    Inflater i = INFLATERS.get();
    i.reset();
    try {
      i.setInput(packed);
      byte[] out = new byte[length];
      int n = 0;
      while (n < length && !i.finished()) {
        int r = i.inflate(out, n, length - n);
        if (r == 0 && (i.needsInput() || i.needsDictionary())) {
          return Optional.empty();
        }
        n += r;
      }
      return n == length && i.finished() ? Optional.of(out) : Optional.empty();
    } catch (DataFormatException e) {
      return Optional.empty();
    } finally {
      i.reset(); // lets go of the input, and of a damaged stream's state
    }
  }

  private static int crc(byte[] data, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, length);
    return (int) crc.getValue();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
