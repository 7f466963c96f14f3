package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read cache's own rules: miss, hit, damage, version, bound, concurrent writers. */
class ReadCacheTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<Path> entries(ReadCache cache) throws IOException {
    try (Stream<Path> s = Files.walk(cache.directory())) {
      return s.filter(p -> p.toString().endsWith(".entry")).toList();
    }
  }

  @Test
  void aMissThenAHitGivesTheBytesStored() {
    ReadCache cache = new ReadCache(dir, "1.0.0", 1 << 20);
    assertThat(cache.get("reading", "prod 100644 abc")).isEmpty();
    cache.put("reading", "prod 100644 abc", bytes("refs"));
    assertThat(cache.get("reading", "prod 100644 abc")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("refs")));
    assertThat(cache.get("reading", "prod 100644 abd")).isEmpty();
    assertThat(cache.get("names", "prod 100644 abc")).as("another kind, same key").isEmpty();
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(3);
  }

  @Test
  void everyDamagedEntryIsDiscardedNeverTrusted() throws IOException {
    ReadCache cache = new ReadCache(dir, "1.0.0", 1 << 20);
    cache.put("reading", "k", bytes("the payload, long enough to be worth flipping a byte of"));
    Path entry = entries(cache).get(0);
    byte[] good = Files.readAllBytes(entry);
    List<byte[]> damaged = new ArrayList<>();
    for (int i = 0; i < good.length; i += 7) { // every kind of byte: header, key, payload, checksum
      byte[] d = good.clone();
      d[i] ^= 0x40;
      damaged.add(d);
    }
    damaged.add(java.util.Arrays.copyOf(good, good.length - 1)); // truncated
    damaged.add(new byte[0]);
    for (byte[] d : damaged) {
      Files.write(entry, d);
      assertThat(cache.get("reading", "k")).isEmpty();
      assertThat(entry).as("a damaged entry is deleted").doesNotExist();
    }
    assertThat(cache.discarded()).isEqualTo(damaged.size());
    cache.put("reading", "k", bytes("again"));
    assertThat(cache.get("reading", "k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("again")));
  }

  @Test
  void anEntryFiledUnderAnotherKeyIsNotTakenForIt() throws IOException {
    ReadCache cache = new ReadCache(dir, "1.0.0", 1 << 20);
    cache.put("reading", "a", bytes("of a"));
    cache.put("reading", "b", bytes("of b"));
    List<Path> both = entries(cache);
    Files.copy(both.get(0), both.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    int found = (cache.get("reading", "a").isPresent() ? 1 : 0) + (cache.get("reading", "b").isPresent() ? 1 : 0);
    assertThat(found).as("the copy holds the other key: refused").isEqualTo(1);
  }

  @Test
  void anotherVersionOfPhoenixReadsNothingOfTheOldAndRemovesIt() throws IOException {
    ReadCache old = new ReadCache(dir, "1.0.0", 1 << 20);
    old.put("reading", "k", bytes("old rules"));
    ReadCache bumped = new ReadCache(dir, "1.1.0", 1 << 20);
    assertThat(bumped.directory()).isNotEqualTo(old.directory());
    assertThat(bumped.get("reading", "k")).isEmpty();
    bumped.put("reading", "k", bytes("new rules"));
    assertThat(old.directory()).as("the old version's entries are removed").doesNotExist();
    assertThat(bumped.get("reading", "k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("new rules")));
  }

  @Test
  void theBoundEvictsTheLeastRecentlyUsed() throws IOException {
    byte[] payload = new byte[4096];
    new java.util.Random(1).nextBytes(payload); // incompressible
    ReadCache cache = new ReadCache(dir, "1.0.0", 5 * 4096);
    cache.put("reading", "first", payload);
    for (Path p : entries(cache)) {
      Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(1000));
    }
    for (int i = 0; i < 10; i++) {
      cache.put("reading", "k" + i, payload);
    }
    long total = 0;
    for (Path p : entries(cache)) {
      total += Files.size(p);
    }
    assertThat(total).isLessThanOrEqualTo(5 * 4096);
    assertThat(cache.get("reading", "first")).as("the oldest went first").isEmpty();
    assertThat(cache.get("reading", "k9")).as("the newest stays").isPresent();
  }

  /** A hit touches an entry last used over an hour ago (eviction keeps it), not one used just now (no write per hit). */
  @Test
  void aHitTouchesOnlyAnEntryNotUsedForAnHour() throws IOException {
    ReadCache cache = new ReadCache(dir, "1.0.0", 1 << 20);
    cache.put("reading", "old", bytes("old"));
    Path old = entries(cache).get(0);
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1000));
    assertThat(cache.get("reading", "old")).isPresent();
    assertThat(Files.getLastModifiedTime(old).toMillis()).as("touched").isNotEqualTo(1000);

    cache.put("reading", "fresh", bytes("fresh"));
    Path fresh = entries(cache).stream().filter(p -> !p.equals(old)).findFirst().orElseThrow();
    long recent = System.currentTimeMillis() - 600_000; // ten minutes ago: within the hour
    Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.fromMillis(recent));
    assertThat(cache.get("reading", "fresh")).isPresent();
    assertThat(Files.getLastModifiedTime(fresh).toMillis()).as("left as it was").isEqualTo(recent);
  }

  @Test
  void writersInParallelLeaveEveryEntryWhole() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        ReadCache mine = new ReadCache(dir, "1.0.0", 1 << 24); // one instance per "process"
        all.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            mine.put("reading", "k" + i, bytes("value of k" + i));
            mine.get("reading", "k" + ((i * 7) % 50)).ifPresent(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .startsWith("value of k"));
          }
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ReadCache reader = new ReadCache(dir, "1.0.0", 1 << 24);
    for (int i = 0; i < 50; i++) {
      byte[] expected = bytes("value of k" + i);
      assertThat(reader.get("reading", "k" + i)).hasValueSatisfying(b -> assertThat(b).isEqualTo(expected));
    }
    assertThat(reader.discarded()).isZero();
  }

  /** Updates of one key from many threads of a process: none is lost. */
  @Test
  void updatesOfOneKeyAtOnceLoseNone() throws Exception {
    ReadCache cache = new ReadCache(dir, "1.0.0", 1 << 20);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String line = "value " + i + "\n";
        done.add(pool.submit(() -> cache.update("runs", "ending k",
            before -> bytes(before.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("") + line))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    String all = new String(cache.get("runs", "ending k").orElseThrow(), StandardCharsets.UTF_8);
    assertThat(all.lines()).hasSize(200).doesNotHaveDuplicates();
    cache.update("runs", "ending k", before -> bytes(before.isPresent() ? "seen" : "absent"));
    assertThat(cache.get("runs", "ending k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("seen")));
    Files.write(entries(cache).get(0), new byte[] {1, 2, 3});
    cache.update("runs", "ending k", before -> bytes(before.isPresent() ? "seen" : "absent"));
    assertThat(cache.get("runs", "ending k")).as("a damaged entry is given as absent")
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("absent")));
    ReadCache off = new ReadCache(null, "1.0.0", 1 << 20);
    off.update("runs", "ending k", before -> {
      throw new AssertionError("off: nothing to update");
    });
  }

  /**
   * An entry is written beside its name and renamed over it: whatever stands at the name is
   * replaced, never written through, and a name the rename cannot take leaves no entry and no
   * temporary file.
   */
  @Test
  void whatStandsAtAnEntrysNameIsReplacedNeverWrittenThrough() throws IOException {
    ReadCache cache = new ReadCache(dir.resolve("cache"), "1.0.0", 1 << 20);
    cache.put("reading", "k", bytes("first"));
    Path entry = entries(cache).get(0);
    Path outside = Files.writeString(dir.resolve("outside.txt"), "not the cache's");
    Files.delete(entry);
    Files.createSymbolicLink(entry, outside);
    cache.put("reading", "k", bytes("second"));
    assertThat(Files.readString(outside)).isEqualTo("not the cache's");
    assertThat(Files.isSymbolicLink(entry)).as("the link itself was replaced").isFalse();
    assertThat(cache.get("reading", "k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("second")));

    Files.delete(entry);
    Files.createDirectory(entry);
    Files.writeString(entry.resolve("inside"), "x");
    cache.put("reading", "k", bytes("third")); // the rename fails: the cache goes on without it
    assertThat(cache.get("reading", "k")).as("a directory at the name is a miss, not an error").isEmpty();
    try (Stream<Path> s = Files.list(entry.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
