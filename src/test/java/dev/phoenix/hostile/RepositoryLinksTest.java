package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: a symbolic link leads out of the repository (issue 9, item 2). A lockfile,
 * blueprint, policy or targets file that is a link, on disk or committed (git mode 120000), or
 * that lies behind a linked directory, is refused by path as "is a symbolic link", never followed,
 * and nothing of the linked file reaches any output.
 */
class RepositoryLinksTest {
  /** Stands in for /etc/shadow: key-like lines an unknown-field message would happily repeat. */
  private static final String SHADOW = "root: $6$SECRETHASH\nSECRETUSER: x\napiVersion: phoenix/v1\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path repo;
  private Path shadow;

  @BeforeEach
  void repository() throws Exception {
    repo = Repos.sample(dir.resolve("repo"));
    shadow = Files.writeString(dir.resolve("shadow"), SHADOW);
  }

  private void link(String relative, Path target) throws Exception {
    Path p = repo.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.deleteIfExists(p);
    Files.createSymbolicLink(p, target);
  }

  @Test
  void aLinkedLockfileIsRefusedInTextAndJsonWithoutItsContent() throws Exception {
    link("environments/prod/environment.lock.yaml", shadow);
    Map<String, String> before = Tree.of(dir);

    Cli text = Cli.in(repo, "validate", "--env", "prod");
    Cli json = Cli.in(repo, "validate", "--env", "prod", "--output", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(2);
    assertThat(text.out()).contains("environments/prod/environment.lock.yaml: is a symbolic link; Phoenix reads only "
        + "regular files inside the repository and never follows links — commit the file itself in its place");
    assertThat(json.code()).isEqualTo(2);
    JsonNode problem = JSON.readTree(json.out()).get("environments").get(0).get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo("environments/prod/environment.lock.yaml");
    assertThat(problem.get("message").asText()).startsWith("is a symbolic link");
    assertThat(text.all() + json.all()).doesNotContain("SECRET").doesNotContain("$6$");
    assertThat(Tree.of(dir)).isEqualTo(before);
  }

  @Test
  void aLinkedBlueprintAndALinkedEnvironmentDirectoryAreRefusedToo() throws Exception {
    link("stacks/services.yaml", shadow);
    Path outsideEnv = Files.createDirectories(dir.resolve("outside-env"));
    Files.writeString(outsideEnv.resolve("environment.lock.yaml"), SHADOW);
    Files.walk(repo.resolve("environments/staging")).sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    link("environments/staging", outsideEnv);

    Cli run = Cli.in(repo, "validate");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("stacks/services.yaml: is a symbolic link;",
        "environments/staging/environment.lock.yaml: lies behind a symbolic link (environments/staging);");
    assertThat(run.all()).doesNotContain("SECRET");
  }

  @Test
  void linkedPolicyAndTargetsFilesAreRefused() throws Exception {
    link("environments/prod/policy.yaml", shadow);
    link("environments/prod/targets.yaml", shadow);

    Cli promote = Cli.in(repo, "promote", "--from", "staging", "--to", "prod");
    Cli rebuild = Cli.in(repo, "rebuild", "--env", "prod", "--target", "aws", "--out", dir.resolve("state").toString());

    assertThat(promote.code()).as(promote.toString()).isEqualTo(2);
    assertThat(promote.err()).contains("environments/prod/policy.yaml is a symbolic link");
    assertThat(rebuild.code()).as(rebuild.toString()).isEqualTo(2);
    assertThat(rebuild.err()).contains("environments/prod/targets.yaml is a symbolic link");
    assertThat(promote.all() + rebuild.all()).doesNotContain("SECRET");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void aCommittedLinkIsRefusedAsALinkNotReportedAsDeleted() throws Exception {
    byte[] lockBefore = Files.readAllBytes(repo.resolve("environments/prod/environment.lock.yaml"));
    link("environments/prod/environment.lock.yaml", Path.of("../../../shadow"));
    try (Git git = Git.open(repo.toFile())) {
      git.add().addFilepattern("environments").call();
      git.commit().setMessage("prod: a link").setAuthor("Eve", "eve@example.com")
          .setCommitter("Eve", "eve@example.com").call();
      try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), "environments/prod/environment.lock.yaml",
          git.getRepository().parseCommit(git.getRepository().resolve("HEAD")).getTree())) {
        assertThat(walk.getFileMode(0)).isEqualTo(FileMode.SYMLINK); // the fixture really committed a link
      }
    }

    Cli verify = Cli.in(repo, "verify", "--env", "prod");
    Cli rebuild = Cli.in(repo, "rebuild", "--env", "prod", "--target", "aws", "--out", dir.resolve("state").toString(),
        "--region", "eu-west-1");

    assertThat(verify.code()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out()).contains("environments/prod/environment.lock.yaml: is a symbolic link (git mode 120000)")
        .doesNotContain("deleted");
    assertThat(rebuild.code()).as(rebuild.toString()).isEqualTo(2);
    assertThat(rebuild.all()).contains("is a symbolic link (git mode 120000)").doesNotContain("deleted");
    assertThat(verify.all() + rebuild.all()).doesNotContain("SECRET").doesNotContain("../shadow");

    for (Cli shown : new Cli[] {Cli.in(repo, "show", "--env", "prod"),
        Cli.in(repo, "diff", "--env", "prod", "--from", "HEAD~1"), Cli.in(repo, "show", "--env", "prod", "--output", "json")}) {
      assertThat(shown.code()).as(shown.toString()).isEqualTo(2);
      assertThat(shown.err()).contains("error: environments/prod/environment.lock.yaml is a symbolic link (git mode 120000)");
      assertThat(shown.out()).isEmpty(); // not an empty lockfile, not everything "removed"
    }
    // history lists the step as not read, not as every artefact removed; the revision after it is
    // compared with the last readable one (here: the link replaced by the file again, so nothing changed)
    Files.delete(repo.resolve("environments/prod/environment.lock.yaml"));
    Files.write(repo.resolve("environments/prod/environment.lock.yaml"), lockBefore);
    try (Git git = Git.open(repo.toFile())) {
      git.add().addFilepattern("environments").call();
      git.commit().setMessage("prod: the file again").setAuthor("Ada", "ada@example.com")
          .setCommitter("Ada", "ada@example.com").call();
    }
    for (int run = 0; run < 2; run++) { // the second run answers from the read cache
      Cli history = Cli.in(repo, "history", "--env", "prod");
      assertThat(history.code()).as(history.toString()).isZero();
      assertThat(history.out()).contains("prod: the file again", "! environments/prod/environment.lock.yaml: not read (is a symbolic link")
          .doesNotContain("    - ").doesNotContain("../shadow").doesNotContain("SECRET");
      String afterLink = history.out().substring(0, history.out().indexOf("prod: a link"));
      assertThat(afterLink).doesNotContain("    +").doesNotContain("    ~");
    }
    Cli historyJson = Cli.in(repo, "history", "--env", "prod", "--output", "json");
    assertThat(historyJson.out()).contains("\"kind\" : \"unreadable\"").doesNotContain("artefact-removed");
  }

  @Test
  void aLinkedDrillRecordIsListedAsUnreadableNotFollowed() throws Exception {
    Files.createDirectories(repo.resolve("drills/prod"));
    Files.writeString(dir.resolve("record.json"), "{\"environment\": \"prod\", \"by\": \"SECRET\"}\n");
    link("drills/prod/20261101T100000Z-0badc0de.json", dir.resolve("record.json"));

    Cli run = Cli.in(repo, "drills", "--env", "prod");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("warning: unreadable drill record " + repo.resolve("drills/prod/20261101T100000Z-0badc0de.json")
        + " (not a regular file: links are not followed)");
    assertThat(run.all()).doesNotContain("SECRET");
  }
}
