package dev.phoenix.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.Lockfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step index: a second run walks only the commits made since the first and reuses what the
 * first found below them, with exactly the answer a run without any cache gives.
 */
class StepIndexTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  @TempDir Path dir;

  @Test
  void aLaterRunReusesTheIndexOfAnOlderHeadAndAgreesWithAnUncachedRun() throws IOException {
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/prod/environment.lock.yaml", lock("prod", "1"));
      git.commit(T0, "prod 1");
      git.put("environments/qa/environment.lock.yaml", lock("qa", "1"));
      git.commit(T0.plusSeconds(3600), "qa only");
      git.put("environments/prod/environment.lock.yaml", lock("prod", "2"));
      git.commit(T0.plusSeconds(7200), "prod 2");
      secondPart(repo, git);
    }
  }

  private void secondPart(Path repo, GitFixture git) throws IOException {
    List<HistoryEntry> first = history(repo);
    assertThat(first).extracting(e -> e.commit().subject()).containsExactly("prod 2", "prod 1");
    String firstHead;
    try (GitRepository r = GitRepository.open(repo)) {
      firstHead = r.head().orElseThrow().id();
    }
    ReadCache cache = ReadCache.forRepository(repo.resolve(".git"));
    assertThat(cache.get(StepIndex.KIND, StepIndex.key("prod", firstHead))).isPresent();

    {
      git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 2")); // a blueprint step
      git.commit(T0.plusSeconds(10_800), "svc replicas");
      git.put("environments/qa/environment.lock.yaml", lock("qa", "2"));
      git.commit(T0.plusSeconds(14_400), "qa again");
      git.remove("environments/prod/environment.lock.yaml");
      git.commit(T0.plusSeconds(18_000), "prod removed");
    }
    long hitsBefore = cache.hits();
    List<HistoryEntry> second = history(repo);
    assertThat(cache.hits()).as("the first run's index was read").isGreaterThan(hitsBefore);
    assertThat(second).extracting(e -> e.commit().subject())
        .containsExactly("prod removed", "svc replicas", "prod 2", "prod 1");

    Path uncached = dir.resolve("uncached");
    copy(repo, uncached);
    deleteTree(uncached.resolve(".git/phoenix"));
    assertThat(history(uncached)).isEqualTo(second);
    assertThat(second.subList(2, 4)).isEqualTo(first);
  }

  private static List<HistoryEntry> history(Path repo) {
    try (GitRepository git = GitRepository.open(repo)) {
      return new History(git).of("prod");
    }
  }

  private static String lock(String env, String build) {
    return Lockfiles.lockfile(env, Map.of("app", "registry.example.com/shop/app@sha256:" + build.repeat(64)), "", "");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
