package dev.phoenix.lockfile;

import dev.phoenix.lockfile.LockfileBlocks.Block;
import dev.phoenix.lockfile.LockfileBlocks.Part;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries of lockfiles read in one run, by their exact text: a year of daily revisions repeats
 * the same artefact and config entries hundreds of times, and each is parsed and checked once.
 *
 * <p>A lockfile is cut into the children of its {@code artefacts:} and {@code config:} sections
 * ({@link LockfileBlocks}). Children whose text was read before are taken from here; the rest of the
 * file, without those children's lines, is parsed as usual. The result is used only when that rest
 * is in the plain layout ({@link dev.phoenix.yaml.SafeYaml#parsePlain}) and has no problem; otherwise
 * the whole file is read again the usual way, and every message is the usual one. That is sound
 * because the plain layout has no construct spanning lines, anchors or tags, so an entry's reading
 * depends on its own lines only, and an entry is remembered only from a file read with no problem
 * at all. The last child of each section is always parsed, so that no section is left empty.
 *
 * <p>Thread-safe; holds at most {@link #LIMIT} entries (about 300 bytes of text each).
 */
public final class LockfileMemo {
  static final int LIMIT = 250_000;

  private final Map<Text, Object> read;
  private final AtomicLong reused;

  /** This reader's last lockfile read through the memo, its entries and their values; null: none. */
  private byte[] lastContent;
  private List<Block> lastBlocks;
  private Object[] lastValues;

  public LockfileMemo() {
    this(new ConcurrentHashMap<>(), new AtomicLong());
  }

  private LockfileMemo(Map<Text, Object> read, AtomicLong reused) {
    this.read = read;
    this.reused = reused;
  }

  /**
   * A reader of the same memo that also keeps the last lockfile it read: the next one (an
   * environment's next revision) is cut following it, entry by entry ({@link LockfileBlocks#cut(byte[],
   * byte[], List)}), so the entries that did not change are neither scanned line by line, nor hashed,
   * nor looked up in the memo. One per walk.
   */
  public LockfileMemo reader() {
    return new LockfileMemo(read, reused);
  }

  /** Entries taken from the memo so far, not parsed (what tests and benchmarks watch). */
  public long reused() {
    return reused.get();
  }

  synchronized Parsed<Lockfile> read(String file, byte[] content, String expectedEnvironment) {
    Optional<LockfileBlocks.Cut> cut = LockfileBlocks.cut(content, lastContent, lastBlocks);
    if (cut.isEmpty()) {
      lastContent = null;
      return LockfileReader.whole(file, content, expectedEnvironment);
    }
    List<Block> blocks = cut.get().blocks();
    int[] same = cut.get().same();
    Object[] known = new Object[blocks.size()];
    Text[] texts = new Text[blocks.size()];
    int hits = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean lastOfSection = i + 1 == blocks.size() || blocks.get(i + 1).section() != b.section();
      if (!lastOfSection) {
        known[i] = same[i] >= 0 ? lastValues[same[i]] : null;
        if (known[i] == null) {
          texts[i] = new Text(b.section(), content, b.from(), b.to());
          known[i] = read.get(texts[i]);
        }
        hits += known[i] == null ? 0 : 1;
      }
    }
    lastContent = null;
    byte[] rest = hits == 0 ? content : withoutKnown(content, blocks, known);
    Parsed<Lockfile> part = Documents.readPlain(file, rest, "the lockfile", Lockfile.KIND,
        (f, m) -> LockfileReader.read(f, m, expectedEnvironment));
    if (part == null || part.value() == null || !part.problems().isEmpty()) {
      return LockfileReader.whole(file, content, expectedEnvironment);
    }
    Lockfile parsed = part.value();
    Map<String, Artefact> artefacts = merge(Part.ARTEFACTS, blocks, known, parsed.artefacts());
    Map<String, Map<String, ConfigSource>> config = merge(Part.CONFIG, blocks, known, parsed.config());
    if (artefacts == null || config == null) {
      return LockfileReader.whole(file, content, expectedEnvironment);
    }
    Object[] values = new Object[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      values[i] = b.section() == Part.ARTEFACTS ? artefacts.get(b.key()) : config.get(b.key());
      if (known[i] == null && read.size() < LIMIT) {
        Text text = texts[i] != null ? texts[i] : new Text(b.section(), content, b.from(), b.to());
        read.putIfAbsent(text.copy(), values[i]);
      }
    }
    lastContent = content;
    lastBlocks = blocks;
    lastValues = values;
    reused.addAndGet(hits);
    return new Parsed<>(new Lockfile(parsed.environment(), parsed.stacks(), artefacts, config), List.of());
  }

  /**
   * The content without the known children's text. Line numbers move, which is sound because this
   * reading is used only when it has no problem: any message comes from reading the whole file.
   */
  private static byte[] withoutKnown(byte[] content, List<Block> blocks, Object[] known) {
    int size = content.length;
    for (int i = 0; i < blocks.size(); i++) {
      size -= known[i] == null ? 0 : blocks.get(i).to() - blocks.get(i).from();
    }
    byte[] out = new byte[size];
    int n = 0;
    int copied = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (known[i] == null) {
        continue;
      }
      Block b = blocks.get(i);
      System.arraycopy(content, copied, out, n, b.from() - copied);
      n += b.from() - copied;
      copied = b.to();
    }
    System.arraycopy(content, copied, out, n, content.length - copied);
    return out;
  }

  /**
   * One section's map in file order: known children from the memo, the others from what the rest's
   * parse read. Null when the two do not account for each other (then the file is read whole). A
   * section with no child cut (absent, or its header not alone on its line) is the parse's as it is.
   */
  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> merge(Part section, List<Block> blocks, Object[] known, Map<String, V> parsed) {
    Map<String, V> out = new LinkedHashMap<>();
    int fromParse = 0;
    boolean cut = false;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.section() != section) {
        continue;
      }
      cut = true;
      V value = known[i] != null ? (V) known[i] : parsed.get(b.key());
      if (value == null) {
        return null;
      }
      if (known[i] == null) {
        fromParse++;
        if (value instanceof Map<?, ?> variables) {
          value = (V) Collections.unmodifiableMap(variables); // shared across lockfiles from now on
        }
      }
      out.put(b.key(), value);
    }
    if (!cut) {
      return parsed;
    }
    return fromParse == parsed.size() ? out : null;
  }

  /** A child's exact text in its section, compared byte for byte. */
  private static final class Text {
    private final Part section;
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    Text(Part section, byte[] bytes, int from, int to) {
      this.section = section;
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      int h = section.ordinal();
      for (int i = from; i < to; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
    }

    private Text(Part section, byte[] bytes, int hash) {
      this.section = section;
      this.bytes = bytes;
      this.from = 0;
      this.to = bytes.length;
      this.hash = hash;
    }

    /** Its own copy of the bytes, so the memo holds no lockfile's whole content. */
    Text copy() {
      return new Text(section, Arrays.copyOfRange(bytes, from, to), hash);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Text t && t.hash == hash && t.section == section
          && Arrays.equals(bytes, from, to, t.bytes, t.from, t.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
