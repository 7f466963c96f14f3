package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.lockfile.EstateFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link KnownFiles} answers what the commit's files answer, asking them only for what it does not
 * know: the lockfile it holds, a regular blob it read before under the same entry.
 */
class KnownFilesTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";

  /** A commit's files that count what they are asked, with entries as the walk would find them. */
  private static final class Counted implements EstateFiles {
    final Map<String, String> texts;
    final List<String> asked = new ArrayList<>();

    Counted(Map<String, String> texts) {
      this.texts = texts;
    }

    @Override
    public Lookup lookup(String path) {
      asked.add(path);
      if (path.equals("stacks/link.yaml")) {
        return Lookup.refused("is a symbolic link (git mode 120000)");
      }
      String text = texts.get(path);
      return text == null ? Lookup.absent() : Lookup.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SortedSet<String> environments() {
      return new TreeSet<>(List.of("prod"));
    }

    @Override
    public String label() {
      return "commit";
    }
  }

  private static Optional<String> entry(String path, String blob) {
    return switch (path) {
      case "stacks/services.yaml" -> Optional.of("100644 " + blob);
      case "stacks/link.yaml" -> Optional.of("120000 link");
      default -> Optional.empty();
    };
  }

  private static String text(EstateFiles files, String path) {
    return new String(files.lookup(path).bytes().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void aBlobReadBeforeUnderTheSameEntryIsNotAskedForAgainAndEverythingElseIs() {
    Map<String, EstateFiles.Lookup> blobs = new ConcurrentHashMap<>();
    Counted first = new Counted(Map.of("stacks/services.yaml", "v1"));
    KnownFiles day1 = new KnownFiles(first, LOCK, "lock".getBytes(StandardCharsets.UTF_8), p -> entry(p, "aaa"), blobs);
    assertThat(text(day1, LOCK)).isEqualTo("lock");
    assertThat(text(day1, "stacks/services.yaml")).isEqualTo("v1");
    assertThat(first.asked).containsExactly("stacks/services.yaml"); // the lockfile was in hand

    Counted second = new Counted(Map.of("stacks/services.yaml", "v1"));
    KnownFiles day2 = new KnownFiles(second, LOCK, new byte[0], p -> entry(p, "aaa"), blobs);
    assertThat(text(day2, "stacks/services.yaml")).isEqualTo("v1");
    assertThat(second.asked).isEmpty(); // same entry: known

    Counted third = new Counted(Map.of("stacks/services.yaml", "v2"));
    KnownFiles day3 = new KnownFiles(third, LOCK, new byte[0], p -> entry(p, "bbb"), blobs);
    assertThat(text(day3, "stacks/services.yaml")).isEqualTo("v2"); // another blob: read
    assertThat(day3.lookup("stacks/link.yaml").refusal()).isPresent(); // a link: the files' own refusal
    assertThat(day3.lookup("stacks/link.yaml").refusal()).isPresent();
    assertThat(day3.lookup("stacks/absent.yaml").isAbsent()).isTrue();
    assertThat(day3.lookup("../outside.yaml").isAbsent()).isTrue();
    assertThat(third.asked).containsExactly("stacks/services.yaml", "stacks/link.yaml", "stacks/link.yaml",
        "stacks/absent.yaml", "../outside.yaml");
    assertThat(blobs).containsOnlyKeys("100644 aaa", "100644 bbb");
  }
}
