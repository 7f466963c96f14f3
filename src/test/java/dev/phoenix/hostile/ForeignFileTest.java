package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.Estates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault class: an error message quotes a file that is not Phoenix's (issue 9, item 2). A file in
 * a Phoenix place that is not recognisably a Phoenix document (copied there, or a pull request's
 * doing) gets one problem that repeats none of its lines, keys or values, in text and in JSON.
 */
class ForeignFileTest {
  /** Lines a CI runner might hold; each would be an "unknown field" or a "did you mean". */
  private static final String FOREIGN = """
      SECRETKEY1: AKIAIOSFODNN7EXAMPLE
      stcks: SECRETVALUE2
      apiVersion: SECRET3/v1
      SECRETKEY4: x
      SECRETKEY4: y
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"environments/prod/environment.lock.yaml", "stacks/services.yaml"})
  void aForeignLockfileOrBlueprintIsNamedNotQuoted(String file) throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Files.writeString(repo.resolve(file), FOREIGN);
    Map<String, String> before = Tree.of(dir);

    Cli text = Cli.in(repo, "validate", "--env", "prod");
    Cli json = Cli.in(repo, "validate", "--env", "prod", "--output", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(2);
    assertThat(json.code()).isEqualTo(2);
    assertThat(text.out()).contains(file + ":1: ", "is not a Phoenix document: it has no apiVersion: phoenix/… and kind: ");
    assertThat(text.all() + json.all()).doesNotContain("SECRET").doesNotContain("AKIA").doesNotContain("stcks");
    assertThat(Tree.of(dir)).isEqualTo(before);
  }

  @Test
  void aForeignFileThatIsNotEvenAMapOrNotYamlQuotesNothing() throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Path lock = repo.resolve("environments/prod/environment.lock.yaml");

    Files.writeString(lock, "root:$6$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
    Cli scalar = Cli.in(repo, "validate", "--env", "prod");
    Files.writeString(lock, "SECRETKEY: [unclosed SECRETVALUE\n");
    Cli broken = Cli.in(repo, "validate", "--env", "prod", "--output", "json");
    Files.writeString(lock, "a: !SECRETTAG x\n");
    Cli tagged = Cli.in(repo, "validate", "--env", "prod");

    assertThat(scalar.out()).contains("the lockfile is not a Phoenix document");
    Files.writeString(lock, "just one SECRETLINE of text\n");
    assertThat(Cli.in(repo, "validate", "--env", "prod").out())
        .contains("is not a Phoenix document: it must be a map, found a string").doesNotContain("SECRET");
    assertThat(broken.out()).contains("not valid YAML");
    assertThat(tagged.out()).contains("a YAML type tag (!…) is not allowed");
    for (Cli run : new Cli[] {scalar, broken, tagged}) {
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.all()).doesNotContain("SECRET");
    }
  }

  @Test
  void foreignPolicyAndTargetsFilesQuoteNothing() throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Files.writeString(repo.resolve("environments/prod/policy.yaml"), FOREIGN);
    Files.writeString(repo.resolve("environments/prod/targets.yaml"), FOREIGN);

    Cli promote = Cli.in(repo, "promote", "--from", "staging", "--to", "prod");
    Cli rebuild = Cli.in(repo, "rebuild", "--env", "prod", "--target", "aws", "--out", dir.resolve("state").toString());

    assertThat(promote.code()).as(promote.toString()).isEqualTo(2);
    assertThat(promote.err()).contains("environments/prod/policy.yaml:1: the policy is not a Phoenix document");
    assertThat(rebuild.code()).as(rebuild.toString()).isEqualTo(2);
    assertThat(rebuild.err()).contains("environments/prod/targets.yaml:1: the targets file is not a Phoenix document");
    assertThat(promote.all() + rebuild.all()).doesNotContain("SECRET").doesNotContain("AKIA");
  }

  @Test
  void aPhoenixDocumentStillGetsEveryProblemByName() throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Files.writeString(repo.resolve("environments/prod/environment.lock.yaml"),
        Estates.prodLock().replace("stacks: [services, functions]", "stacks: [services, functions]\nstaks: []"));

    Cli run = Cli.in(repo, "validate", "--env", "prod");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("unknown field 'staks' — did you mean 'stacks'?");
  }
}
