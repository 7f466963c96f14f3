package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local state that a cut-short save left behind (empty, truncated, not a state) stops the engine
 * wherever the configuration keeps it; a good state, no state yet, or a remote backend does not.
 */
class LocalStateTest {
  @TempDir Path dir;

  private static final String STATE = "{\"version\": 4, \"terraform_version\": \"1.11.4\", \"serial\": 7,"
      + " \"lineage\": \"3f1c\", \"outputs\": {}, \"resources\": [{\"type\": \"aws_ecs_cluster\"}, {\"type\": \"aws_iam_role\"}]}";

  private Path config(String backend) throws Exception {
    Path work = Files.createDirectories(dir.resolve("stacks/environment"));
    Files.writeString(work.resolve("cdk.tf.json"), "{\"terraform\": {" + backend + "}, \"resource\": {}}");
    return work;
  }

  @Test
  void aGoodStateOrNoStateYetLetsTheEngineRun() throws Exception {
    Path work = config("\"backend\": {\"local\": {\"path\": \"" + dir.resolve("state/shop-prod.tfstate") + "\"}}");
    assertThat(LocalState.damage(work)).as("no state yet: a first rebuild").isEmpty();
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/shop-prod.tfstate"), STATE);
    assertThat(LocalState.damage(work)).isEmpty();
  }

  @Test
  void everyKindOfCutShortStateStopsTheEngineWithTheBackupNamed() throws Exception {
    Path state = dir.resolve("state/shop-prod.tfstate");
    Path work = config("\"backend\": {\"local\": {\"path\": \"" + state + "\"}}");
    Files.createDirectories(state.getParent());
    Files.writeString(state.resolveSibling("shop-prod.tfstate.backup"), STATE);
    String[] cut = {"", STATE.substring(0, STATE.length() / 2), "{}", "[1, 2]", "\u0000\u0000\u0000"};
    String[] what = {"is empty", "does not read as JSON", "is not a Terraform state", "is not a Terraform state",
        "does not read as JSON"};
    for (int i = 0; i < cut.length; i++) {
      Files.writeString(state, cut[i]);
      Optional<LocalState.Damage> damage = LocalState.damage(work);
      assertThat(damage).as("state %s", cut[i]).isPresent();
      assertThat(damage.get().message()).contains(state.toString(), what[i], "create each one again");
      assertThat(damage.get().fix()).contains(state + ".backup", "serial 7", "2 resource(s)", "copy it over " + state);
    }
  }

  @Test
  void withoutAGoodBackupTheFixSaysToRestoreOrDelete() throws Exception {
    Path state = dir.resolve("state/shop-prod.tfstate");
    Path work = config("\"backend\": {\"local\": {\"path\": \"" + state + "\"}}");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "");
    assertThat(LocalState.damage(work).orElseThrow().fix()).contains("restore " + state, "delete it")
        .doesNotContain(".backup");
    Files.writeString(state.resolveSibling("shop-prod.tfstate.backup"), "");
    assertThat(LocalState.damage(work).orElseThrow().fix()).as("an empty backup is no help").doesNotContain(".backup");
  }

  @Test
  void theStateIsFoundWhereTheConfigurationKeepsIt() throws Exception {
    Path relative = config("\"backend\": {\"local\": {\"path\": \"../state/x.tfstate\"}}");
    Files.createDirectories(dir.resolve("stacks/state"));
    Files.writeString(dir.resolve("stacks/state/x.tfstate"), "");
    assertThat(LocalState.damage(relative)).as("relative to the working directory").isPresent();

    Path none = config("");
    Files.writeString(none.resolve("terraform.tfstate"), "");
    assertThat(LocalState.damage(none)).as("no backend: the engine's default file").isPresent();

    Path plain = Files.createDirectories(dir.resolve("hand-written"));
    Files.writeString(plain.resolve("main.tf"), "resource \"null_resource\" \"x\" {}\n");
    Files.writeString(plain.resolve("terraform.tfstate"), "{\"version\": 4");
    assertThat(LocalState.damage(plain)).as("a working directory without cdk.tf.json").isPresent();

    Path remote = config("\"backend\": {\"s3\": {\"bucket\": \"b\", \"key\": \"k\"}}");
    Files.writeString(remote.resolve("terraform.tfstate"), "");
    assertThat(LocalState.damage(remote)).as("a remote backend's writes are whole").isEmpty();
  }
}
