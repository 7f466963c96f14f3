package dev.phoenix.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read at many commits on several threads at once, each thread through its own kept reader:
 * every read is the commit's own content, and a thread that let its reader go reads on afresh.
 */
class ThreadReadersTest {
  @TempDir Path dir;

  @Test
  void eachThreadReadsEveryCommitsOwnContent() throws Exception {
    List<CommitInfo> commits = new ArrayList<>();
    List<String> written = new ArrayList<>();
    try (GitFixture git = GitFixture.init(dir)) {
      for (int day = 0; day < 40; day++) {
        StringBuilder lock = new StringBuilder("environment: prod\nartefacts:\n");
        for (int s = 0; s < 50; s++) {
          lock.append("  svc-").append(s).append(":\n    version: 1.").append(s == day % 50 ? day : 0).append(".0\n");
        }
        git.put("environments/prod/environment.lock.yaml", lock.toString());
        written.add(lock.toString());
        String id = git.commit(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day), "day " + day);
        commits.add(new CommitInfo(id, Instant.EPOCH, "a", "day " + day));
      }
    }
    try (GitRepository repo = GitRepository.open(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<Integer>> reads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          reads.add(pool.submit(() -> {
            int checked = 0;
            for (int round = 0; round < 2; round++) {
              for (int i = commits.size() - 1; i >= 0; i--) { // newest first, as the walk reads
                String text = new String(repo.filesAt(commits.get(i)).read("environments/prod/environment.lock.yaml")
                    .orElseThrow(), StandardCharsets.UTF_8);
                assertThat(text).as("day %d", i).isEqualTo(written.get(i));
                checked++;
              }
              repo.doneReadingOnThisThread(); // the next round starts with a new reader
            }
            return checked;
          }));
        }
        for (Future<Integer> f : reads) {
          assertThat(f.get()).isEqualTo(80);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
