package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks whose local state a cut-short save left damaged are all named in one refusal, and the
 * engine is not even made, so no stack runs, not even a sound one before them.
 */
class DamagedStateTest {
  @TempDir Path dir;

  private Prepared.PreparedStack stack(String name, String state) throws Exception {
    Path work = Files.createDirectories(dir.resolve("stacks").resolve(name));
    if (state != null) {
      Files.writeString(work.resolve("terraform.tfstate"), state);
    }
    return new Prepared.PreparedStack(name, work);
  }

  @Test
  void everyDamagedStateIsNamedAndNoStackRuns() throws Exception {
    AtomicInteger engines = new AtomicInteger();
    TerraformDeployer deployer = new TerraformDeployer((ctx, extra) -> {
      engines.incrementAndGet();
      throw new TerraformDeployer.EngineUnavailable("not to be made");
    }, Map.of());
    Prepared prepared = new Prepared(List.of(stack("network", "{\"version\": 4, \"serial\": 3, \"resources\": []}"),
        stack("data", ""), stack("new", null), stack("services", "{\"version\": 4, \"ser")), false, List.of(), List.of());
    TargetContext ctx = new TargetContext("prod", dir, TargetSettings.empty("aws"), true, false, null,
        Duration.ofMinutes(1), Confirm.yes(), Progress.silent(), "drill", started -> { });

    Deployed deployed = deployer.deploy(null, prepared, ctx);

    assertThat(deployed.outcome()).isEqualTo(RebuildOutcome.FAILED);
    assertThat(engines).as("the engine is not made").hasValue(0);
    assertThat(deployed.stacks()).extracting(Deployed.StackRun::name).containsExactly("data", "services");
    assertThat(deployed.failureReason().lines()).hasSize(2).satisfiesExactly(
        l -> assertThat(l).startsWith("stack data: the Terraform state " + dir.resolve("stacks/data/terraform.tfstate")
            + " is empty"),
        l -> assertThat(l).startsWith("stack services: the Terraform state "
            + dir.resolve("stacks/services/terraform.tfstate") + " does not read as JSON"));
  }
}
