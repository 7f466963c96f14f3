package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.Estates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault class: a name becomes a path (issue 9, items 3 and 13). Every name given on the command
 * line or written in a lockfile or blueprint is checked against its rule before any path is built
 * from it, in every command: exit 2, the rule stated, nothing read or written outside.
 */
class NamesBecomePathsTest {
  private static final String RULE = "use 1 to 40 lowercase letters, digits and '-', starting with a letter or digit";

  @TempDir static Path dir;
  private static Path repo;

  @BeforeAll
  static void repository() throws Exception {
    repo = Repos.sample(dir.resolve("repo"));
    // what a climbing name would reach: a lockfile-shaped file and a drill record outside the repository
    Files.createDirectories(dir.resolve("x"));
    Files.writeString(dir.resolve("x/environment.lock.yaml"), Repos.emptyLock("x").replace("stacks: []", "stacks: [SECRET]"));
  }

  private static final List<String> BAD =
      List.of("../../x", "../x", "my env", "prod;rm -rf", "Prod", "/etc", "a/b", ".", "x".repeat(41));

  /** Every command with one of the bad names (each name used in turn), and every bad name with validate. */
  static Stream<Arguments> everyCommand() {
    List<Arguments> all = new ArrayList<>();
    for (String bad : BAD) {
      all.add(Arguments.of(List.of("validate", "--env", bad), "--env", bad));
    }
    List<Arguments> commands = commands();
    for (int i = 0; i < commands.size(); i++) {
      String bad = BAD.get(i % BAD.size());
      List<Object> args = new ArrayList<>(List.of(commands.get(i).get()));
      @SuppressWarnings("unchecked")
      List<String> words = ((List<String>) args.get(0)).stream().map(w -> w.equals("BAD") ? bad : w).toList();
      all.add(Arguments.of(words, args.get(1), bad));
    }
    return all.stream();
  }

  private static List<Arguments> commands() {
    List<Arguments> all = new ArrayList<>();
    {
      String bad = "BAD";
      all.add(Arguments.of(List.of("show", "--env", bad), "--env", bad));
      all.add(Arguments.of(List.of("history", "--env", bad), "--env", bad));
      all.add(Arguments.of(List.of("diff", "--env", bad, "--from", "HEAD"), "--env", bad));
      all.add(Arguments.of(List.of("diff", "--env", "prod", "--against", bad), "--against", bad));
      all.add(Arguments.of(List.of("verify", "--env", bad), "--env", bad));
      all.add(Arguments.of(List.of("rebuild", "--env", bad, "--target", "local"), "--env", bad));
      all.add(Arguments.of(List.of("rebuild", "--env", bad, "--target", "aws", "--force-unlock"), "--env", bad));
      all.add(Arguments.of(List.of("drills", "--env", bad), "--env", bad));
      all.add(Arguments.of(List.of("lock", "--env", bad, "--image", "api=registry.example.com/a:1"), "--env", bad));
      all.add(Arguments.of(List.of("attest", "--env", bad, "--artefact", "api", "--digest", "sha256:" + "a".repeat(64),
          "--step", "unit-tests", "--result", "passed"), "--env", bad));
      all.add(Arguments.of(List.of("promote", "--from", bad, "--to", "prod"), "--from", bad));
      all.add(Arguments.of(List.of("promote", "--from", "staging", "--to", bad), "--to", bad));
      all.add(Arguments.of(List.of("protect", "--env", bad), "--env", bad));
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyCommandRefusesABadEnvironmentNameBeforeBuildingAPath(List<String> args, String option, String bad) {
    Map<String, String> before = Tree.of(dir);

    Cli run = Cli.in(repo, args.toArray(String[]::new));

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("error: " + option + ": environment name '" + bad.substring(0, Math.min(60, bad.length())))
        .contains("is not allowed: " + RULE).doesNotContain("SECRET").doesNotContain("a bug");
    assertThat(run.out()).isEmpty();
    assertThat(Tree.of(dir)).isEqualTo(before);
  }

  @Test
  void teardownRefusesABadNameBeforeTalkingToDocker() {
    Cli run = Cli.run("teardown", "--env", "../../x", "--target", "local");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--env: environment name '../../x' is not allowed: " + RULE);
  }

  @Test
  void aStackNameThatClimbsOutIsAProblemAtItsLineAndTheFileItNamesIsNotRead(@TempDir Path dir) throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Files.writeString(dir.resolve("outside.yaml"), "SECRET: 1\n");
    Files.writeString(repo.resolve("environments/prod/environment.lock.yaml"),
        Estates.prodLock().replace("stacks: [services, functions]", "stacks: [services, functions, ../../outside, \"a b\"]"));
    Map<String, String> before = Tree.of(dir);

    Cli run = Cli.in(repo, "validate", "--env", "prod");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains(
        "environments/prod/environment.lock.yaml:4: stacks: stack name '../../outside' is not allowed: use 1 to 40 "
            + "lowercase letters, digits and '-', starting with a letter ('network' is reserved)",
        "environments/prod/environment.lock.yaml:4: stacks: stack name 'a b' is not allowed")
        .doesNotContain("SECRET");
    assertThat(Tree.of(dir)).isEqualTo(before);
  }

  @Test
  void dependsOnAndServiceNamesFollowTheirRulesToo(@TempDir Path dir) throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    Files.writeString(repo.resolve("stacks/functions.yaml"),
        Estates.functionsStack().replace("dependsOn: [services]", "dependsOn: [services, ../x]"));
    Files.writeString(repo.resolve("stacks/services.yaml"),
        Estates.servicesStack().replace("name: payments-api,", "name: \"payments api\","));

    Cli run = Cli.in(repo, "validate", "--env", "prod");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("stacks/functions.yaml:4: dependsOn: stack name '../x' is not allowed",
        "services[0].name: service or function name 'payments api' is not allowed: use 1 to 40 lowercase letters");
  }

  @Test
  void anEnvironmentDirectoryRebuildCouldNotUseFailsValidateWithTheRule(@TempDir Path dir) throws Exception {
    Path repo = Repos.sample(dir.resolve("repo"));
    for (String name : List.of("my env", "a$(id)", "Prod")) {
      Path lock = repo.resolve("environments/" + name + "/environment.lock.yaml");
      Files.createDirectories(lock.getParent());
      Files.writeString(lock, Repos.emptyLock(name));
    }

    Cli all = Cli.in(repo, "validate");
    Cli rebuild = Cli.in(repo, "rebuild", "--env", "my env", "--target", "local");

    assertThat(all.code()).as(all.toString()).isEqualTo(2);
    assertThat(all.out()).contains("environments/'my env': environment name 'my env' is not allowed: " + RULE,
        "environments/'a$(id)': environment name 'a$(id)' is not allowed",
        "environments/'Prod': environment name 'Prod' is not allowed", "prod: ok");
    assertThat(rebuild.code()).as(rebuild.toString()).isEqualTo(2);
    assertThat(rebuild.err()).contains("--env: environment name 'my env' is not allowed: " + RULE)
        .doesNotContain("IllegalArgumentException").doesNotContain("a bug");
  }
}
