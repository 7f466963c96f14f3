package dev.phoenix.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.Lockfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table of one history run's changes: a warm run finds every step's changes in it (no lookup
 * per step misses), a later run with new commits gives what a run without any cache gives, and a
 * table that does not decode is passed over, never trusted.
 */
class ChangesTableTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final String PROD = "environments/prod/environment.lock.yaml";
  @TempDir Path dir;
  private int clones;

  @Test
  void aWarmRunReadsTheTableAndEveryRunAgreesWithAnUncachedOne() {
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      int hour = 0;
      for (String build : List.of("1", "2", "broken", "3", "1")) { // an unreadable step, then a rollback to 1
        git.put(PROD, build.equals("broken") ? "environment: prod\nartefacts: [\n" : lock(build));
        git.commit(T0.plusSeconds(3600L * hour++), "prod " + build);
      }
      git.remove(PROD);
      git.commit(T0.plusSeconds(3600L * hour++), "prod removed");
      git.put(PROD, lock("4"));
      git.commit(T0.plusSeconds(3600L * hour++), "prod 4");

      List<HistoryEntry> first = history(repo, true);
      assertThat(first).extracting(e -> e.commit().subject())
          .containsExactly("prod 4", "prod removed", "prod 1", "prod 3", "prod broken", "prod 2", "prod 1");
      assertThat(first).isEqualTo(history(repo, false));

      ReadCache cache = ReadCache.forRepository(repo.resolve(".git"));
      assertThat(cache.get(ChangesTable.KIND, "prod")).as("the table the run left").isPresent();
      long misses = cache.misses();
      long hits = cache.hits();
      assertThat(history(repo, true)).isEqualTo(first);
      assertThat(cache.misses()).as("a warm run: every step's changes from the table").isEqualTo(misses);
      assertThat(cache.hits() - hits).as("no lookup per step").isLessThan(first.size());

      git.put(PROD, lock("5"));
      git.commit(T0.plusSeconds(3600L * hour++), "prod 5");
      git.put(PROD, lock("2"));
      git.commit(T0.plusSeconds(3600L * hour++), "prod back to 2");
      List<HistoryEntry> later = history(repo, true);
      assertThat(later).isEqualTo(history(repo, false));
      assertThat(later.subList(2, later.size())).isEqualTo(first);
      misses = cache.misses();
      assertThat(history(repo, true)).isEqualTo(later);
      assertThat(cache.misses()).as("the table was written again with the new steps").isEqualTo(misses);

      cache.put(ChangesTable.KIND, "prod", "not a table".getBytes(StandardCharsets.UTF_8));
      assertThat(history(repo, true)).as("a table that does not decode is passed over").isEqualTo(later);
      misses = cache.misses();
      assertThat(history(repo, true)).isEqualTo(later);
      assertThat(cache.misses()).as("and replaced").isEqualTo(misses);
    }
  }

  /** With the repository's cache, or on a fresh clone of it, whose cache is empty. */
  private List<HistoryEntry> history(Path repo, boolean cached) {
    Path at = repo;
    if (!cached) {
      at = dir.resolve("clone-" + (++clones));
      try (Git clone = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(at.toFile()).call()) {
        assertThat(clone.getRepository().resolve("HEAD")).isNotNull();
      } catch (GitAPIException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
    try (GitRepository git = GitRepository.open(at)) {
      return new History(git).of("prod");
    }
  }

  private static String lock(String build) {
    return Lockfiles.lockfile("prod", Map.of("app", "registry.example.com/shop/app@sha256:" + build.repeat(64)), "", "");
  }
}
