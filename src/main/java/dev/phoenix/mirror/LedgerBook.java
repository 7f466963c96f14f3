package dev.phoenix.mirror;

import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.LedgerReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.MirrorLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ledger of one environment during a run: read once, and written whole through
 * {@link AtomicFiles} as soon as a copy is recorded, so an interrupted run loses nothing it copied.
 * Writers that arrive while a write is under way are written together by the next one (each
 * {@link #record} returns once its entry is on disk).
 */
final class LedgerBook {
  private final Path file;
  private final String relative;
  private final List<MirrorLedger.Entry> entries;
  private final Object flushing = new Object();
  private long version;
  private long written;

  private LedgerBook(Path file, String relative, List<MirrorLedger.Entry> entries) {
    this.file = file;
    this.relative = relative;
    this.entries = new ArrayList<>(entries);
  }

  /** Reads the ledger under {@code root}; a ledger with problems stops the run (exit 2) with all of them. */
  static LedgerBook open(Path root, String environment) {
    String relative = MirrorLedger.path(environment);
    Path file = root.resolve(relative);
    if (Files.isSymbolicLink(file)) {
      throw PhoenixException.input(relative + " is a symbolic link; Phoenix writes only regular files",
          "put the ledger itself in its place");
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new LedgerBook(file, relative, List.of());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(LedgerReader.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative + ": " + e.getMessage(), e);
    }
    Parsed<MirrorLedger> parsed = LedgerReader.read(relative, bytes);
    if (!parsed.problems().isEmpty()) {
      throw PhoenixException.input(parsed.problems().stream().map(Object::toString).collect(Collectors.joining("\n")),
          "fix the ledger (phoenix validate shows the same) and run again");
    }
    return new LedgerBook(file, relative, parsed.value().entries());
  }

  String relative() {
    return relative;
  }

  synchronized Optional<MirrorLedger.Entry> find(String region, String source) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      MirrorLedger.Entry e = entries.get(i);
      if (e.region().equals(region) && e.source().equals(source)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Adds (or replaces) the entry of its region and source, and returns once the file holds it. */
  void record(MirrorLedger.Entry entry) {
    synchronized (this) {
      entries.removeIf(e -> e.key().equals(entry.key()));
      entries.add(entry);
      version++;
    }
    synchronized (flushing) {
      String text;
      long at;
      synchronized (this) {
        if (written >= version) {
          return; // another writer took this entry along
        }
        text = new MirrorLedger(entries).render();
        at = version;
      }
      AtomicFiles.write(file, text);
      written = at;
    }
  }
}
