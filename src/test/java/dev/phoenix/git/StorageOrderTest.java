package dev.phoenix.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.testsupport.Exec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects put in the order their packs store them, as {@code git verify-pack} lists their offsets:
 * a pack from {@code git fast-import} (versions stored oldest first) and the same history repacked
 * by {@code git repack -f} (newest first); loose objects and unknown ids last, as given.
 */
class StorageOrderTest {
  private static final Duration T = Duration.ofSeconds(60);
  @TempDir Path dir;

  /** 30 versions of one file, oldest first, each a small change of the one before. */
  private static List<String> versions() {
    List<String> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 200; line++) {
      text.append("svc-").append(line).append(": 1.0.0\n");
    }
    for (int day = 0; day < 30; day++) {
      String next = text.toString().replace("svc-" + (day * 7) + ": ", "svc-" + (day * 7) + ": 2." + day + ".");
      text = new StringBuilder(next);
      out.add(next);
    }
    return out;
  }

  private static String blobId(String content) {
    return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)).name();
  }

  private Path fastImport(List<String> versions) throws Exception {
    StringBuilder stream = new StringBuilder();
    for (int i = 0; i < versions.size(); i++) {
      byte[] data = versions.get(i).getBytes(StandardCharsets.UTF_8);
      stream.append("commit refs/heads/main\ncommitter CI <ci@example.com> ").append(1_700_000_000L + i * 86_400L)
          .append(" +0000\ndata 4\nday\n");
      stream.append("M 100644 inline lock.yaml\ndata ").append(data.length).append('\n').append(versions.get(i)).append('\n');
    }
    Path repo = dir.resolve("repo");
    Files.writeString(dir.resolve("stream"), stream);
    Exec.run(T, "git", "init", "-q", "-b", "main", repo.toString()).orThrow();
    Exec.run(T, "bash", "-c", "git -C \"$1\" -c fastimport.unpackLimit=0 fast-import --quiet < \"$2\"", "-", repo.toString(),
        dir.resolve("stream").toString()).orThrow();
    return repo;
  }

  /** Offsets of the repository's packed objects, from git itself. */
  private static Map<String, Long> offsets(Path repo) throws Exception {
    Map<String, Long> out = new HashMap<>();
    try (var idx = Files.newDirectoryStream(repo.resolve(".git/objects/pack"), "*.idx")) {
      for (Path index : idx) {
        for (String line : Exec.run(T, "git", "-C", repo.toString(), "verify-pack", "-v", index.toString()).orThrow()
            .stdout().lines().toList()) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 5 && f[0].length() == 40 && f[1].equals("blob")) {
            out.put(f[0], Long.parseLong(f[4]));
          }
        }
      }
    }
    return out;
  }

  @Test
  void fastImportPackIsReadOldestFirstRepackedNewestFirst() throws Exception {
    List<String> oldestFirst = versions().stream().map(StorageOrderTest::blobId).toList();
    List<String> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    List<String> shuffled = new ArrayList<>(oldestFirst);
    Collections.shuffle(shuffled, new Random(14));
    Path repo = fastImport(versions());

    try (GitRepository git = GitRepository.open(repo)) {
      Map<String, Long> at = offsets(repo);
      assertThat(at.keySet()).containsAll(oldestFirst);
      assertThat(git.inStorageOrder(newestFirst)).isEqualTo(oldestFirst);
      assertThat(git.inStorageOrder(shuffled))
          .isEqualTo(shuffled.stream().sorted(Comparator.comparingLong(at::get)).toList());
    }

    Exec.run(T, "git", "-C", repo.toString(), "repack", "-q", "-a", "-d", "-f").orThrow();
    try (GitRepository git = GitRepository.open(repo)) {
      Map<String, Long> at = offsets(repo);
      List<String> stored = git.inStorageOrder(shuffled);
      assertThat(stored).isEqualTo(shuffled.stream().sorted(Comparator.comparingLong(at::get)).toList());
      assertThat(stored.get(0)).as("repacked: the newest version first, whole").isEqualTo(newestFirst.get(0));
    }
  }

  @Test
  void looseAndUnknownObjectsComeLastAsGiven() throws Exception {
    List<String> packed = versions().stream().map(StorageOrderTest::blobId).toList();
    Path repo = fastImport(versions());
    Path extra = dir.resolve("extra.txt");
    Files.writeString(extra, "a loose blob\n");
    String loose = Exec.run(T, "git", "-C", repo.toString(), "hash-object", "-w", extra.toString()).orThrow().lastLine();
    String unknown = "0123456789abcdef0123456789abcdef01234567";
    try (GitRepository git = GitRepository.open(repo)) {
      List<String> given = List.of(unknown, packed.get(5), loose, packed.get(2));
      assertThat(git.inStorageOrder(given)).containsExactly(packed.get(2), packed.get(5), unknown, loose);
      assertThat(git.inStorageOrder(List.of(loose))).containsExactly(loose);
    }
  }
}
