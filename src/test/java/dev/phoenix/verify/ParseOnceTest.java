package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Refs;
import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import dev.phoenix.history.Mainline;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.Exec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold read of history parses each lockfile content once: the walk reads it whole for its stack
 * names and the revision's reading takes that reading; what each revision reads is what reading
 * its commit's files afresh gives.
 */
class ParseOnceTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  @TempDir Path dir;

  @AfterEach
  void quiet() {
    LockfileReader.onParse(null);
    System.clearProperty(ReadCache.DIR_PROPERTY);
  }

  private void write() {
    try (GitFixture git = GitFixture.init(dir.resolve("loose"))) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      for (int day = 12; day >= 1; day--) {
        git.put(LOCK, VerifierTest.lock("prod", day, 100 + day % 3));
        if (day == 7) {
          git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 2"));
        }
        git.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
      }
      git.put(LOCK, VerifierTest.lock("prod", 1).replace("kind: EnvironmentLock", "kind: Nonsense"));
      git.commit(NOW.minus(Duration.ofHours(5)), "broken");
      git.put(LOCK, VerifierTest.lock("qa", 3)); // read, with a problem: the wrong environment
      git.commit(NOW.minus(Duration.ofHours(3)), "wrong environment");
      git.put(LOCK, VerifierTest.lock("prod", 2, 102).replace("stacks: [svc]", "stacks: [svc, gone]"));
      git.commit(NOW.minus(Duration.ofHours(2)), "a stack that does not exist");
      git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 3"));
      git.commit(NOW.minus(Duration.ofMinutes(30)), "blueprint only");
    }
  }

  /**
   * The same commits in a pack as {@code git fast-import} writes one: each lockfile version a delta
   * of the one before, stored oldest first, so the walk reads them in that order, not newest first.
   */
  private Path fastImported() {
    Path from = dir.resolve("loose");
    Path to = dir.resolve("fast-import");
    Path stream = dir.resolve("stream");
    String branch = Exec.run(Duration.ofSeconds(30), "git", "-C", from.toString(), "symbolic-ref", "HEAD")
        .orThrow().lastLine();
    Exec.run(Duration.ofSeconds(30), "bash", "-c", "git -C \"$1\" fast-export --all > \"$2\"", "-", from.toString(),
        stream.toString()).orThrow();
    Exec.run(Duration.ofSeconds(30), "git", "init", "-q", to.toString()).orThrow();
    Exec.run(Duration.ofSeconds(30), "bash", "-c", "git -C \"$1\" -c fastimport.unpackLimit=0 fast-import --quiet < \"$2\"", "-", to.toString(),
        stream.toString()).orThrow();
    Exec.run(Duration.ofSeconds(30), "git", "-C", to.toString(), "symbolic-ref", "HEAD", branch).orThrow();
    return to;
  }

  @Test
  void eachLockfileContentParsedOnceAndReadAsAFreshRead() {
    write();
    check(dir.resolve("loose"));
  }

  @Test
  void theSameInAPackStoredOldestFirst() {
    write();
    Path packed = fastImported();
    check(packed);
    try (GitRepository git = GitRepository.open(packed)) {
      Mainline mainline = new Mainline(git, Mainline.ONLY_NAMES);
      List<String> newestFirst = mainline.steps("prod", NOW).stream().filter(Mainline.Step::lockfile)
          .map(s -> mainline.lockfileEntry(s.commit(), "prod").orElseThrow().split(" ")[1]).distinct().toList();
      assertThat(git.inStorageOrder(newestFirst)).as("read in storage order: here the reverse of the walk's")
          .isEqualTo(reversed(newestFirst));
    }
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private void check(Path repository) {
    for (String cache : List.of("on", "off")) {
      if (cache.equals("off")) {
        System.setProperty(ReadCache.DIR_PROPERTY, "off");
      }
      try (GitRepository git = GitRepository.open(repository)) {
        Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();
        LockfileReader.onParse(b -> parses.computeIfAbsent(new String(b, StandardCharsets.UTF_8),
            k -> new AtomicInteger()).incrementAndGet());
        List<EnvRevision> all = new Revisions(git, NOW).all("prod");
        assertThat(all).hasSize(16);
        assertThat(parses).as("lockfile contents parsed").hasSize(15);
        assertThat(parses.values()).allSatisfy(n -> assertThat(n.get()).as("parses of one content").isEqualTo(1));
        parses.clear();
        List<EnvRevision> window = new Revisions(git, NOW).of("prod", VerifyWindow.since(Duration.ofDays(4), NOW, "4d"));
        LockfileReader.onParse(null);
        if (cache.equals("on")) {
          // only the revisions whose files cannot all be named by blob (a stack file is missing) are read again
          // (the walk has their names from the cache, so each of the two revisions reads it)
          assertThat(parses.keySet()).singleElement().asString().contains("stacks: [svc, gone]");
          assertThat(parses.values()).singleElement().extracting(AtomicInteger::get).isEqualTo(2);
        } else {
          assertThat(parses).hasSize(window.size() - 1); // the window's (two share one): each parsed once, walk and reading
          assertThat(parses.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
        for (EnvRevision r : all) {
          Parsed<Estate> fresh = EstateReader.read(git.filesAt(r.commit()), "prod");
          assertThat(r.refs()).as(r.commit().subject()).isEqualTo(fresh.value() == null ? Map.of()
              : Refs.of(fresh.value().lockfile()));
          assertThat(r.refs().toString()).isEqualTo(fresh.value() == null ? "{}" : Refs.of(fresh.value().lockfile()).toString());
          if (fresh.value() != null || !fresh.problems().isEmpty()) {
            assertThat(r.problems()).as(r.commit().subject()).isEqualTo(fresh.problems());
          }
        }
        assertThat(all.stream().filter(r -> !r.problems().isEmpty()).map(r -> r.commit().subject()))
            .containsExactly("broken", "wrong environment", "a stack that does not exist", "blueprint only");
        assertThat(window).isEqualTo(all.subList(all.size() - window.size(), all.size()));
      }
    }
  }
}
