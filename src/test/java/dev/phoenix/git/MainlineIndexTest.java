package dev.phoenix.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mainline index Phoenix keeps in its cache directory: a commit found by time, the same from
 * the file as from the walk; a link standing at the file's name replaced, never written through
 * to what it points at; a damaged or truncated file walked again, never trusted.
 */
class MainlineIndexTest {
  @TempDir Path dir;

  @Test
  void aLinkAtTheIndexsNameIsReplacedAndTheIndexStillAnswers() throws Exception {
    Path repoDir = dir.resolve("repo");
    List<String> ids = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    try (GitFixture git = GitFixture.init(repoDir)) {
      for (int day = 0; day < 5; day++) {
        git.put("environments/prod/environment.lock.yaml", "environment: prod\nday: " + day + "\n");
        ids.add(git.commit(start.plusSeconds(86_400L * day), "day " + day));
      }
    }
    Path file = dir.resolve("cache/mainline/index.idx");
    Files.createDirectories(file.getParent());
    Path outside = Files.writeString(dir.resolve("outside.txt"), "not the cache's");
    Files.createSymbolicLink(file, outside);
    try (Repository repo = new FileRepositoryBuilder().setGitDir(repoDir.resolve(".git").toFile()).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve("HEAD");
      long dayTwoNoon = start.plusSeconds(86_400L * 2 + 43_200).getEpochSecond();
      MainlineIndex walked = MainlineIndex.forHead(walk, head, file);
      assertThat(walked.at(dayTwoNoon)).hasValue(ObjectId.fromString(ids.get(2)));
      assertThat(Files.readString(outside)).isEqualTo("not the cache's");
      assertThat(Files.isSymbolicLink(file)).as("the link itself was replaced").isFalse();
      MainlineIndex read = MainlineIndex.forHead(walk, head, file); // now from the file
      assertThat(read.at(dayTwoNoon)).hasValue(ObjectId.fromString(ids.get(2)));
      assertThat(read.at(start.getEpochSecond() - 1)).as("before the first commit").isEmpty();

      // a damaged file is walked again, never trusted: day 2's time made far in the future would
      // otherwise answer day 1 for day 2's noon
      byte[] bytes = Files.readAllBytes(file);
      bytes[4 + 20 + 4 + 2 * 4] = 0x7f; // the high byte of times[2] (newest first: day 2)
      Files.write(file, bytes);
      assertThat(MainlineIndex.forHead(walk, head, file).at(dayTwoNoon)).hasValue(ObjectId.fromString(ids.get(2)));
      assertThat(Files.readAllBytes(file)).as("and written again whole").isNotEqualTo(bytes);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1)); // truncated
      assertThat(MainlineIndex.forHead(walk, head, file).at(dayTwoNoon)).hasValue(ObjectId.fromString(ids.get(2)));
    }
  }

  /**
   * A walk of the mainline reads the index when one is kept (no commit object is opened: the
   * oldest one is deleted here and the chain still comes whole), extends it after new commits, and
   * gives the chain the walk gives: first parents only, authors and subjects as written. A walk
   * that stops early leaves no index behind.
   */
  @Test
  void aWalkOfTheMainlineReadsTheKeptIndexAndGivesTheWalksChain() throws Exception {
    Path repoDir = dir.resolve("walked");
    Instant start = Instant.parse("2026-04-01T00:00:00Z");
    try (GitFixture git = GitFixture.init(repoDir)) {
      git.put("a.txt", "0");
      String first = git.commit(start, "c0");
      git.put("a.txt", "1");
      git.commit(start.plusSeconds(60), "c1");
      ObjectId c1 = git.head();
      Map<String, String> atC1 = Map.copyOf(git.files());
      git.put("a.txt", "2");
      git.commit(start.plusSeconds(120), "c2");
      ObjectId c2 = git.head();
      git.detachTo(c1, atC1);
      git.put("b.txt", "branch");
      git.commit(start.plusSeconds(150), "on a branch");
      ObjectId branch = git.head();
      git.detachTo(c2, Map.of("a.txt", "2", "b.txt", "branch"));
      git.commit(start.plusSeconds(180), "merge: héllo wörld", List.of(c2, branch));
      git.put("a.txt", "3");
      git.commit(start.plusSeconds(240), "c3");

      Path index;
      List<CommitInfo> walked;
      try (GitRepository repo = GitRepository.open(repoDir)) {
        index = MainlineIndex.fileFor(repo.directory());
        Files.deleteIfExists(index);
        List<CommitInfo> partial = repo.mainline(c -> c.subject().equals("c2"));
        assertThat(partial).extracting(CommitInfo::subject).containsExactly("c3", "merge: héllo wörld", "c2");
        assertThat(index).as("a walk that stopped early keeps no index").doesNotExist();
        walked = repo.mainline(c -> false);
      }
      assertThat(walked).extracting(CommitInfo::subject).containsExactly("c3", "merge: héllo wörld", "c2", "c1", "c0");
      assertThat(walked).allSatisfy(c -> assertThat(c.author()).isEqualTo("Ada Ops"));
      assertThat(index).as("the whole chain walked: kept").exists();

      Path oldest = repoDir.resolve(".git/objects/" + first.substring(0, 2) + "/" + first.substring(2));
      Files.delete(oldest); // a walk would fail on it now
      try (GitRepository repo = GitRepository.open(repoDir)) {
        assertThat(repo.mainline(c -> false)).isEqualTo(walked);
      }

      git.put("a.txt", "4");
      git.commit(start.plusSeconds(300), "c4");
      try (GitRepository repo = GitRepository.open(repoDir)) {
        List<CommitInfo> extended = repo.mainline(c -> false);
        assertThat(extended).extracting(CommitInfo::subject).first().isEqualTo("c4");
        assertThat(extended.subList(1, extended.size())).as("the kept chain below the new commit").isEqualTo(walked);
        assertThat(repo.mainline(c -> c.subject().equals("merge: héllo wörld"))).hasSize(3);
      }
    }
  }
}
