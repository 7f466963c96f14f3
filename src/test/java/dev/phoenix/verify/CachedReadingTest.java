package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.HistoryEntry;
import dev.phoenix.history.Mainline;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.support.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read cache on a real Git history: a lockfile blob read once is never parsed again, by
 * verify's and protect's reading nor by history; a damaged entry is read again; the readings are
 * the same with and without it.
 */
class CachedReadingTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  @TempDir Path dir;
  private final AtomicInteger parses = new AtomicInteger();

  @AfterEach
  void quiet() {
    LockfileReader.onParse(null);
  }

  private GitRepository repository() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      for (int day = 10; day >= 1; day--) {
        git.put(LOCK, VerifierTest.lock("prod", day, 100 + day % 3));
        git.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
      }
      git.put(LOCK, VerifierTest.lock("prod", 1).replace("kind: EnvironmentLock", "kind: Nonsense"));
      git.commit(NOW.minus(Duration.ofHours(5)), "broken");
      git.put(LOCK, VerifierTest.lock("prod", 2)); // the same content as an older revision
      git.commit(NOW.minus(Duration.ofHours(1)), "back");
      git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 3"));
      git.commit(NOW.minus(Duration.ofMinutes(30)), "blueprint");
    }
    return GitRepository.open(dir);
  }

  private List<EnvRevision> readAll(GitRepository git) {
    LockfileReader.onParse(b -> parses.incrementAndGet());
    try {
      return new Revisions(git, NOW).all("prod");
    } finally {
      LockfileReader.onParse(null);
    }
  }

  private List<HistoryEntry> history(GitRepository git) {
    LockfileReader.onParse(b -> parses.incrementAndGet());
    try {
      return new History(git).of("prod");
    } finally {
      LockfileReader.onParse(null);
    }
  }

  private Path cacheDir(GitRepository git) {
    return ReadCache.forRepository(git.directory().toPath()).directory();
  }

  @Test
  void aSecondReadingParsesNothingAndReadsTheSame() {
    try (GitRepository git = repository()) {
      List<EnvRevision> first = readAll(git);
      assertThat(parses.get()).as("each distinct lockfile parsed").isPositive();
      assertThat(first).hasSize(13);
      assertThat(first.get(10).problems()).as("the broken revision's problems").isNotEmpty();
      parses.set(0);
      List<EnvRevision> second = readAll(git);
      assertThat(parses.get()).as("nothing parsed again").isZero();
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void historyReadsEachBlobOnceEver() {
    try (GitRepository git = repository()) {
      List<HistoryEntry> first = history(git);
      assertThat(first).hasSize(13);
      assertThat(first.get(0).changes()).extracting(c -> c.subject()).containsExactly("stack svc");
      int parsedFirst = parses.getAndSet(0);
      assertThat(parsedFirst).isPositive();
      List<HistoryEntry> second = history(git);
      assertThat(parses.get()).isZero();
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void aNewRevisionIsTheOnlyOneParsed() {
    String newest = VerifierTest.lock("prod", 77);
    try (GitFixture fixture = GitFixture.init(dir)) {
      fixture.put("stacks/svc.yaml", Lockfiles.stack());
      for (int day = 5; day >= 2; day--) {
        fixture.put(LOCK, VerifierTest.lock("prod", day));
        fixture.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
      }
      try (GitRepository git = GitRepository.open(dir)) {
        readAll(git);
      }
      fixture.put(LOCK, newest);
      fixture.commit(NOW.minus(Duration.ofDays(1)), "tonight's");
    }
    java.util.Set<String> parsed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (GitRepository git = GitRepository.open(dir)) {
      LockfileReader.onParse(b -> parsed.add(new String(b, java.nio.charset.StandardCharsets.UTF_8)));
      List<EnvRevision> all = new Revisions(git, NOW).all("prod");
      assertThat(all).hasSize(5);
      assertThat(parsed).as("only the new lockfile").containsExactly(newest);
    }
  }

  /**
   * A nightly window over 60 daily revisions, then the next night: the window starts a day later and
   * one revision is new. Only that one is parsed, the readings equal a read without the cache, and
   * most revisions come from run entries (several revisions per entry opened).
   */
  @Test
  void theNextNightReadsWholeRunsAndParsesOnlyItsNewRevision() {
    String newest = VerifierTest.lock("prod", 500, 501);
    Instant tonight = NOW.minus(Duration.ofDays(1));
    try (GitFixture fixture = GitFixture.init(dir)) {
      fixture.put("stacks/svc.yaml", Lockfiles.stack());
      for (int day = 60; day >= 2; day--) {
        fixture.put(LOCK, VerifierTest.lock("prod", day, 100 + day % 5));
        fixture.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
      }
      try (GitRepository git = GitRepository.open(dir)) {
        List<EnvRevision> first = new Revisions(git, tonight).of("prod",
            VerifyWindow.between(tonight.minus(Duration.ofDays(50)), tonight, "50d"));
        assertThat(first).hasSize(50);
      }
      fixture.put(LOCK, newest);
      fixture.commit(NOW.minus(Duration.ofHours(1)), "tonight's");
    }
    VerifyWindow next = VerifyWindow.between(NOW.minus(Duration.ofDays(50)), NOW, "50d");
    java.util.Set<String> parsed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<EnvRevision> cached;
    long hits;
    try (GitRepository git = GitRepository.open(dir)) {
      ReadCache cache = ReadCache.forRepository(git.directory().toPath());
      Mainline keys = new Mainline(git);
      long before = cache.hits();
      LockfileReader.onParse(b -> parsed.add(new String(b, java.nio.charset.StandardCharsets.UTF_8)));
      cached = new Revisions(git, NOW).of("prod", next);
      hits = cache.hits() - before;
      List<Optional<String>> revisionKeys = cached.stream().map(r -> keys.revisionKey(r.commit(), "prod")).toList();
      assertThat(RevisionChunks.cut(revisionKeys)).as("the history has runs to reuse").hasSizeGreaterThan(2);
    } finally {
      LockfileReader.onParse(null);
    }
    assertThat(cached).hasSize(50);
    assertThat(parsed).as("only tonight's lockfile").containsExactly(newest);
    assertThat(hits).as("entries opened for 50 revisions").isLessThan(30);
    System.setProperty(ReadCache.DIR_PROPERTY, "off");
    try (GitRepository git = GitRepository.open(dir)) {
      assertThat(new Revisions(git, NOW).of("prod", next)).isEqualTo(cached);
    } finally {
      System.clearProperty(ReadCache.DIR_PROPERTY);
    }
  }

  /**
   * A lockfile rolled back to an earlier content makes the same revision key again. When that key
   * ends a run, each place it stands ends one, with other revisions before it: three runs here, filed
   * under the same key, none the end of another. Each is read from the cache the next time, whichever
   * was filed last.
   */
  @Test
  void aRolledBackLockfileEndsRunsThatAreAllReadFromTheCache() {
    String stack = "100644 " + VerifyCacheIT.blob(Lockfiles.stack().getBytes(StandardCharsets.UTF_8));
    IntFunction<String> key = i -> "prod 100644 "
        + VerifyCacheIT.blob(VerifierTest.lock("prod", i).getBytes(StandardCharsets.UTF_8)) + " svc=" + stack;
    IntPredicate endsRun = i -> RevisionChunks.endsRun(key.apply(i));
    int back = IntStream.range(1, 100_000).filter(endsRun).findFirst().orElseThrow();
    int[] other = IntStream.range(1, 100_000).filter(endsRun.negate()).limit(4).toArray();
    int[] days = {other[0], other[1], back, other[2], back, other[3], back, other[1]};
    try (GitFixture fixture = GitFixture.init(dir)) {
      fixture.put("stacks/svc.yaml", Lockfiles.stack());
      for (int d = 0; d < days.length; d++) {
        fixture.put(LOCK, VerifierTest.lock("prod", days[d]));
        fixture.commit(NOW.minus(Duration.ofDays(days.length - d)), "day " + d);
      }
    }
    try (GitRepository git = GitRepository.open(dir)) {
      List<EnvRevision> first = readAll(git);
      Mainline mainline = new Mainline(git);
      List<Optional<String>> keys = first.stream().map(r -> mainline.revisionKey(r.commit(), "prod")).toList();
      assertThat(keys).as("the keys as this test made them").containsExactlyElementsOf(
          IntStream.of(days).mapToObj(key).map(Optional::of).toList());
      assertThat(RevisionChunks.cut(keys)).as("three runs end with the rolled-back key")
          .containsExactly(new RevisionChunks.Run(0, 3, true), new RevisionChunks.Run(3, 5, true),
              new RevisionChunks.Run(5, 7, true), new RevisionChunks.Run(7, 8, false));
      assertThat(parses.get()).as("each distinct lockfile parsed once").isEqualTo(5);
      for (int night = 2; night <= 3; night++) {
        parses.set(0);
        assertThat(readAll(git)).isEqualTo(first);
        assertThat(parses.get()).as("night %d: nothing parsed again", night).isZero();
      }
    }
  }

  /** What lets verify hold its early checks back on a warm night: how many lockfiles each reading parsed. */
  @Test
  void eachEnvironmentsReadingSaysHowManyLockfilesItParsed() {
    try (GitRepository git = repository()) {
      VerifyWindow all = VerifyWindow.since(Duration.ofDays(30), NOW, "30d");
      List<Revisions.EnvRead> cold = Collections.synchronizedList(new ArrayList<>());
      LockfileReader.onParse(b -> parses.incrementAndGet());
      Revisions.ofEach(git, NOW, List.of("prod"), all, cold::add);
      assertThat(cold).singleElement().extracting(Revisions.EnvRead::parsed).isEqualTo(parses.get());
      assertThat(parses.get()).isPositive();
      List<Revisions.EnvRead> warm = Collections.synchronizedList(new ArrayList<>());
      Revisions.ofEach(git, NOW, List.of("prod"), all, warm::add);
      assertThat(warm).singleElement().extracting(Revisions.EnvRead::parsed).isEqualTo(0);
      assertThat(warm.get(0).revisions()).isEqualTo(cold.get(0).revisions());
    } finally {
      LockfileReader.onParse(null);
    }
  }

  @Test
  void aDamagedEntryIsReadAgainNeverTrusted() throws Exception {
    try (GitRepository git = repository()) {
      List<EnvRevision> first = readAll(git);
      int parsedFirst = parses.getAndSet(0);
      List<Path> entries;
      try (Stream<Path> s = Files.walk(cacheDir(git))) {
        entries = s.filter(p -> p.toString().endsWith(".entry")).toList();
      }
      assertThat(entries).isNotEmpty();
      for (Path e : entries) {
        byte[] b = Files.readAllBytes(e);
        b[b.length / 2] ^= 0x01;
        Files.write(e, b);
      }
      List<EnvRevision> second = readAll(git);
      assertThat(parses.get()).as("every damaged entry read again from its blob").isEqualTo(parsedFirst);
      assertThat(second).isEqualTo(first);
      parses.set(0);
      assertThat(readAll(git)).isEqualTo(first);
      assertThat(parses.get()).as("rewritten whole").isZero();
    }
  }

  @Test
  void offReadsEveryTime() {
    System.setProperty(ReadCache.DIR_PROPERTY, "off");
    try (GitRepository git = repository()) {
      List<EnvRevision> first = readAll(git);
      int parsedFirst = parses.getAndSet(0);
      assertThat(readAll(git)).isEqualTo(first);
      assertThat(parses.get()).isEqualTo(parsedFirst);
      assertThat(dir.resolve(".git/phoenix")).doesNotExist();
    } finally {
      System.clearProperty(ReadCache.DIR_PROPERTY);
    }
  }

  @Test
  void twoReadersAtOnceWriteOneGoodCache() throws Exception {
    try (GitRepository git = repository()) {
      List<List<EnvRevision>> results = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        threads.add(new Thread(() -> {
          try (GitRepository own = GitRepository.open(dir)) {
            results.add(new Revisions(own, NOW).all("prod"));
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      assertThat(results).hasSize(3);
      assertThat(results.get(1)).isEqualTo(results.get(0));
      assertThat(results.get(2)).isEqualTo(results.get(0));
      parses.set(0);
      assertThat(readAll(git)).isEqualTo(results.get(0));
      assertThat(parses.get()).isZero();
      assertThat(ReadCache.forRepository(git.directory().toPath()).discarded()).isZero();
    }
  }
}
