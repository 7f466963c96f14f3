package dev.phoenix.verify;

import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * scripts/bench-read: verify's reading of history alone (no store asked), as {@code verify --all-envs
 * --since DAYSd} reads it: every environment at HEAD, read at once. Args: repository, cache directory
 * (or {@code off}), window in days, rounds in this JVM. Prints one line per round.
 */
public final class ReadingBench {
  private ReadingBench() {}

  public static void main(String[] args) {
    System.setProperty(ReadCache.DIR_PROPERTY, args[1]);
    int days = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    try (GitRepository git = GitRepository.open(Path.of(args[0]))) {
      Instant now = Instant.now();
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        List<String> envs = new Revisions(git, now).environmentsAtHead();
        Map<String, List<EnvRevision>> read = Revisions.ofEach(git, now, envs,
            VerifyWindow.since(Duration.ofDays(days), now, days + "d"));
        long readNanos = System.nanoTime() - start;
        long tallyStart = System.nanoTime();
        Verifier.Tally tally = Verifier.Tally.of(read);
        long tallyNanos = System.nanoTime() - tallyStart;
        System.out.printf("round %d: read %d ms + tally %d ms (%d environments, %d revisions, %d references, %d unique)%n",
            round, readNanos / 1_000_000, tallyNanos / 1_000_000, envs.size(), tally.count(), tally.uses(),
            tally.unique().size());
      }
    }
  }
}
