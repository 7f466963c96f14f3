package dev.phoenix.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time travel on real repositories built with controlled commit times. */
class TimeTravelTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @TempDir Path dir;

  private static String lockWithVersion(String version) {
    return Estates.prodLock().replace("version: 1.4.2-318-9f3c2ab", "version: " + version);
  }

  private GitFixture estate() {
    return GitFixture.init(dir)
        .put("stacks/services.yaml", Estates.servicesStack())
        .put("stacks/functions.yaml", Estates.functionsStack());
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private String versionAt(GitRepository git, String when) {
    Revision r = new TimeTravel(git).resolve("prod", when, NOW);
    String text = new String(r.files().read(LOCK).orElseThrow());
    return text.lines().filter(l -> l.contains("version: 1.") || l.contains("version: 2."))
        .findFirst().orElseThrow().replaceAll("#.*", "").trim();
  }

  @Test
  void picksTheNewestCommitNotAfterTheMomentAndADateMeansTheEndOfThatDay() throws Exception {
    try (GitFixture repo = estate()) {
      repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-11-01T09:00:00Z"), "first");
      repo.put(LOCK, lockWithVersion("1.1.0-2-bbbbbbb")).commit(t("2026-11-01T17:00:00Z"), "second");
      repo.put(LOCK, lockWithVersion("1.2.0-3-ccccccc")).commit(t("2026-11-03T08:00:00Z"), "third");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(versionAt(git, "2026-11-01T12:00")).isEqualTo("version: 1.0.0-1-aaaaaaa");
        assertThat(versionAt(git, "2026-11-01")).isEqualTo("version: 1.1.0-2-bbbbbbb");
        assertThat(versionAt(git, "2026-11-02T23:59:59+00:00")).isEqualTo("version: 1.1.0-2-bbbbbbb");
        assertThat(versionAt(git, "2026-11-03T09:59:00+02:00")).isEqualTo("version: 1.1.0-2-bbbbbbb");
        assertThat(versionAt(git, "2026-11-03T10:00:00Z")).isEqualTo("version: 1.2.0-3-ccccccc");
        assertThat(versionAt(git, "HEAD~2")).isEqualTo("version: 1.0.0-1-aaaaaaa");
        assertThat(When.parse("2026-11-01").explain()).contains("no zone given: UTC");
      }
    }
  }

  @Test
  void rebasedHistoryWhoseDatesGoBackwardsFollowsTheMainline() {
    try (GitFixture repo = estate()) {
      repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-11-01T00:00:00Z"), "c1");
      repo.put(LOCK, lockWithVersion("1.1.0-2-bbbbbbb")).commit(t("2026-11-05T00:00:00Z"), "c2");
      repo.put(LOCK, lockWithVersion("1.2.0-3-ccccccc")).commit(t("2026-11-03T00:00:00Z"), "c3 rebased, older date");
      try (GitRepository git = GitRepository.open(dir)) {
        // From HEAD back, the first commit whose date is not after the moment wins.
        assertThat(versionAt(git, "2026-11-04")).isEqualTo("version: 1.2.0-3-ccccccc");
        assertThat(versionAt(git, "2026-11-02")).isEqualTo("version: 1.0.0-1-aaaaaaa");
        assertThat(new History(git).of("prod")).hasSize(3);
      }
    }
  }

  @Test
  void aMergedBranchCountsFromTheMerge() {
    try (GitFixture repo = estate()) {
      ObjectId base = ObjectId.fromString(
          repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-10-25T00:00:00Z"), "base"));
      Map<String, String> baseFiles = new TreeMap<>(repo.files());
      ObjectId branch = ObjectId.fromString(
          repo.put(LOCK, lockWithVersion("2.0.0-9-fffffff")).commit(t("2026-10-30T00:00:00Z"), "branch change"));
      Map<String, String> branchFiles = new TreeMap<>(repo.files());
      repo.detachTo(base, baseFiles);
      ObjectId main = ObjectId.fromString(repo.put("README", "x").commit(t("2026-11-01T00:00:00Z"), "main work"));
      repo.files().put(LOCK, branchFiles.get(LOCK));
      repo.commit(t("2026-11-03T00:00:00Z"), "merge branch", List.of(main, branch));
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(versionAt(git, "2026-10-31")).isEqualTo("version: 1.0.0-1-aaaaaaa");
        assertThat(versionAt(git, "2026-11-02")).isEqualTo("version: 1.0.0-1-aaaaaaa");
        assertThat(versionAt(git, "2026-11-04")).isEqualTo("version: 2.0.0-9-fffffff");
        List<HistoryEntry> history = new History(git).of("prod");
        assertThat(history).extracting(e -> e.commit().subject()).containsExactly("merge branch", "base");
        assertThat(history.get(0).changes()).extracting(Change::render)
            .containsExactly("~ payments-api: version 1.0.0-1-aaaaaaa → version 2.0.0-9-fffffff");
      }
    }
  }

  @Test
  void aLockfileDeletedThenRestored() {
    try (GitFixture repo = estate()) {
      repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-11-01T00:00:00Z"), "create");
      repo.remove(LOCK).commit(t("2026-11-02T00:00:00Z"), "delete");
      repo.put(LOCK, lockWithVersion("1.0.1-2-bbbbbbb")).commit(t("2026-11-03T00:00:00Z"), "restore");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThatThrownBy(() -> versionAt(git, "2026-11-02T12:00"))
            .isInstanceOf(PhoenixException.class)
            .hasMessageContaining("environment prod had no lockfile at 2026-11-02T12:00")
            .hasMessageContaining("it had been deleted then");
        assertThat(versionAt(git, "2026-11-03T12:00")).isEqualTo("version: 1.0.1-2-bbbbbbb");
        List<HistoryEntry> history = new History(git).of("prod");
        assertThat(history).extracting(e -> e.commit().subject()).containsExactly("restore", "delete", "create");
        assertThat(history.get(1).changes()).extracting(c -> c.kind()).contains(Change.Kind.ARTEFACT_REMOVED);
      }
    }
  }

  @Test
  void clearErrorsForMomentsOutsideHistory() {
    try (GitFixture repo = estate()) {
      repo.put("README", "x").commit(t("2026-10-01T00:00:00Z"), "before");
      repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-11-01T00:00:00Z"), "create");
      try (GitRepository git = GitRepository.open(dir)) {
        TimeTravel travel = new TimeTravel(git);
        assertThatThrownBy(() -> travel.resolve("prod", "2026-09-01", NOW))
            .hasMessageContaining("'2026-09-01' is before environment prod's first lockfile commit")
            .hasMessageContaining("2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> travel.resolve("prod", "2026-10-15", NOW))
            .hasMessageContaining("is before environment prod's first lockfile commit");
        assertThatThrownBy(() -> travel.resolve("prod", "2027-01-01", NOW))
            .hasMessage("'2027-01-01' is in the future (now is 2026-11-26T12:00:00Z)");
        assertThatThrownBy(() -> travel.resolve("qa", "HEAD", NOW))
            .hasMessage("unknown environment 'qa'")
            .satisfies(e -> assertThat(((PhoenixException) e).fix()).isEqualTo("known environments: prod"));
        assertThatThrownBy(() -> travel.resolve("prod", "nosuchref", NOW))
            .hasMessageContaining("is neither a date nor a commit");
      }
    }
  }

  @Test
  void shallowClonesAndNonRepositoriesAreRefused() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    assertThatThrownBy(() -> GitRepository.open(plain)).hasMessageContaining("is not inside a Git repository");
    try (GitFixture repo = estate()) {
      repo.put(LOCK, Estates.prodLock()).commit(t("2026-11-01T00:00:00Z"), "create");
      Files.writeString(dir.resolve(".git/shallow"), repo.head().name() + "\n");
      assertThatThrownBy(() -> GitRepository.open(dir))
          .isInstanceOf(PhoenixException.class)
          .hasMessageContaining("shallow clone")
          .satisfies(e -> assertThat(((PhoenixException) e).fix()).contains("git fetch --unshallow"));
    }
  }

  @Test
  void theCachedMainlineFollowsHeadForwardsAndThroughAForcePush() {
    try (GitFixture repo = estate()) {
      repo.put(LOCK, lockWithVersion("1.0.0-1-aaaaaaa")).commit(t("2026-11-01T00:00:00Z"), "c1");
      ObjectId c2 = ObjectId.fromString(
          repo.put(LOCK, lockWithVersion("1.1.0-2-bbbbbbb")).commit(t("2026-11-02T00:00:00Z"), "c2"));
      Map<String, String> atC2 = new TreeMap<>(repo.files());
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(versionAt(git, "2026-11-02")).isEqualTo("version: 1.1.0-2-bbbbbbb"); // index written
      }
      repo.put(LOCK, lockWithVersion("1.2.0-3-ccccccc")).commit(t("2026-11-03T00:00:00Z"), "c3");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(versionAt(git, "2026-11-03")).isEqualTo("version: 1.2.0-3-ccccccc"); // extended
        assertThat(versionAt(git, "2026-11-01")).isEqualTo("version: 1.0.0-1-aaaaaaa");
      }
      repo.detachTo(c2, atC2); // a force-push replaces c3
      repo.put(LOCK, lockWithVersion("2.0.0-4-ddddddd")).commit(t("2026-11-03T00:00:00Z"), "c3 rewritten");
      try (GitRepository git = GitRepository.open(dir)) {
        assertThat(versionAt(git, "2026-11-03")).isEqualTo("version: 2.0.0-4-ddddddd");
        assertThat(versionAt(git, "2026-11-02")).isEqualTo("version: 1.1.0-2-bbbbbbb");
      }
    }
  }

  @Test
  void twoThousandCommitsAreWalkedQuickly() {
    try (GitFixture repo = estate()) {
      Instant start = t("2026-01-01T00:00:00Z");
      for (int i = 0; i < 2100; i++) {
        if (i % 100 == 0) {
          repo.put(LOCK, lockWithVersion("1." + (i / 100) + ".0-" + i + "-abcdef0"));
        } else {
          repo.put("app/file.txt", "change " + i);
        }
        repo.commit(start.plusSeconds(3600L * i), "commit " + i);
      }
      long built = System.nanoTime();
      try (GitRepository git = GitRepository.open(dir)) {
        // commit 1050 is at hour 1050; the lockfile was last changed at commit 1000
        assertThat(versionAt(git, start.plusSeconds(3600L * 1050 + 60).toString()))
            .isEqualTo("version: 1.10.0-1000-abcdef0");
        List<HistoryEntry> history = new History(git).of("prod");
        assertThat(history).hasSize(21);
        assertThat(history.get(0).commit().subject()).isEqualTo("commit 2000");
        System.out.printf("2,100 commits: lookup + history in %d ms%n", (System.nanoTime() - built) / 1_000_000);
      }
    }
  }
}
