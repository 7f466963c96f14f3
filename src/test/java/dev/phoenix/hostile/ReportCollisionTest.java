package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: two outputs to one file, the last silently winning (issue 9, item 17). Two
 * {@code --report}s naming the same file, however spelt, are refused before anything is checked.
 */
class ReportCollisionTest {
  @TempDir Path dir;
  private Path repo;
  private Path out;

  @BeforeEach
  void repository() throws Exception {
    repo = Repos.empty(dir.resolve("repo"));
    out = Files.createDirectory(dir.resolve("out"));
  }

  @Test
  void theSamePathTwiceIsRefused() {
    Path f = out.resolve("r.out");
    Cli run = Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + f, "--report", "junit:" + f);

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("error: --report json:" + f + " and --report junit:" + f + " write the same file",
        "what to do: give each report its own");
    assertThat(run.out()).isEmpty();
    assertThat(Tree.of(out)).containsOnlyKeys("");
  }

  @Test
  void theSameFileSpeltDifferentlyOrReachedThroughALinkIsRefused() throws Exception {
    Files.createDirectory(out.resolve("sub"));
    Path real = Files.writeString(out.resolve("r.json"), "keep\n");
    Path link = Files.createSymbolicLink(out.resolve("alias.json"), real);
    Map<String, String> before = Tree.of(out);

    Cli dotted = Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + out.resolve("sub/../r.json"),
        "--report", "markdown:" + real);
    Cli linked = Cli.in(repo, "verify", "--env", "prod", "--report", "junit:" + link, "--report", "json:" + real);

    assertThat(dotted.code()).as(dotted.toString()).isEqualTo(2);
    assertThat(dotted.err()).contains("write the same file");
    assertThat(linked.code()).as(linked.toString()).isEqualTo(2);
    assertThat(linked.err()).contains("--report junit:" + link + " and --report json:" + real + " write the same file");
    assertThat(Tree.of(out)).isEqualTo(before);
  }

  @Test
  void distinctFilesAreAllWritten() {
    Cli run = Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + out.resolve("r.json"),
        "--report", "junit:" + out.resolve("r.xml"), "--report", "md:" + out.resolve("r.md"));

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Tree.of(out)).containsOnlyKeys("", "r.json", "r.xml", "r.md");
  }
}
