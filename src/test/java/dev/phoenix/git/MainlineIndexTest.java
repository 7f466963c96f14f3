package dev.phoenix.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
