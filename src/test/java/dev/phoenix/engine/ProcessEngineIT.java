package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real engine binary: OpenTofu built by scripts/ensure-tofu, or tofu/terraform on PATH
 * ({@code -Dphoenix.engine=terraform} picks one). A missing binary fails the test, never skips it.
 */
class ProcessEngineIT {

  private static final String COMMIT_A = "1111111111111111111111111111111111111111";
  private static final String COMMIT_B = "2222222222222222222222222222222222222222";

  private static EngineBinary binary;

  @TempDir Path work;
  @TempDir Path scratch;
  private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void findEngine() throws EngineException {
    binary = new EngineLocator().locate(System.getProperty("phoenix.engine"));
  }

  private Engine engine(Duration timeout) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TF_VAR_stray", "from-someones-shell"); // must not reach the engine
    return new ProcessEngine(binary, timeout, progress::add, env);
  }

  @Test
  void planSavedPlanApplyExactlyThenNoChanges() throws Exception {
    Stacks.chain(work, 3, 0, "unused");
    Engine engine = engine(Duration.ofMinutes(2));
    assertThat(engine.version()).matches("(OpenTofu|Terraform) v\\d+\\.\\d+\\.\\d+.*");

    engine.init(work);
    Path planFile = work.resolve("plans/rebuild.tfplan");
    PlanResult plan = engine.plan(work, planFile, COMMIT_A);
    assertThat(plan.changes()).isEqualTo(new Changes(3, 0, 0));
    assertThat(plan.planFile()).exists();
    assertThat(PlanBinding.sidecarOf(planFile)).exists();
    assertThat(plan.binding().lockfileCommit()).isEqualTo(COMMIT_A);
    assertThat(engine.showPlanJson(work, planFile)).contains("\"terraform_data.r3\"");

    ApplyResult applied = engine.apply(work, planFile, COMMIT_A);
    assertThat(applied.changes()).isEqualTo(new Changes(3, 0, 0));
    assertThat(engine.stateResources(work)).extracting(StateResource::address)
        .containsExactly("terraform_data.r1", "terraform_data.r2", "terraform_data.r3");

    PlanResult again = engine.plan(work, work.resolve("plans/again.tfplan"), COMMIT_A);
    assertThat(again.changes().isEmpty()).as(again.changes().render()).isTrue();

    Map<String, Output> outputs = engine.outputs(work);
    assertThat(outputs.get("last").value().asText()).isEqualTo("value-3");
    assertThat(outputs.get("from_var").value().asText()).isEqualTo("from-lockfile");
    assertThat(outputs.get("token").sensitive()).isTrue();
    assertThat(outputs.get("token").value()).isNull();
    assertThat(progress).isNotEmpty().noneMatch(line -> line.contains(Stacks.SECRET));
    assertThat(progress).anyMatch(line -> line.contains("Apply complete!"));
  }

  @Test
  void failureAtResourceKKeepsEarlierResourcesAndAFixedRerunConverges() throws Exception {
    Stacks.chain(work, 4, 3, "closed");
    Engine engine = engine(Duration.ofMinutes(2));
    engine.init(work);
    Path planFile = work.resolve("first.tfplan");
    assertThat(engine.plan(work, planFile, COMMIT_A).changes()).isEqualTo(new Changes(4, 0, 0));

    assertThatThrownBy(() -> engine.apply(work, planFile, COMMIT_A))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(1);
          assertThat(e.command()).contains("apply", planFile.toAbsolutePath().toString());
          assertThat(String.join("\n", e.lastLines())).contains("gate r3 is closed");
          assertThat(e.describe()).contains("exit code: 1");
        });
    assertThat(engine.stateResources(work)).containsExactly(
        new StateResource("terraform_data.r1", false),
        new StateResource("terraform_data.r2", false),
        new StateResource("terraform_data.r3", true));

    Files.writeString(work.resolve("gate.txt"), "ok");
    Path fixed = work.resolve("fixed.tfplan");
    PlanResult rerun = engine.plan(work, fixed, COMMIT_B);
    assertThat(rerun.changes()).isEqualTo(new Changes(2, 0, 1)); // replace tainted r3, create r4
    engine.apply(work, fixed, COMMIT_B);
    assertThat(engine.stateResources(work)).extracting(StateResource::address).hasSize(4);
    assertThat(engine.stateResources(work)).noneMatch(StateResource::tainted);
    assertThat(engine.plan(work, work.resolve("check.tfplan"), COMMIT_B).changes().isEmpty()).isTrue();
  }

  @Test
  void aPlanFromAnotherCommitOrChangedSinceIsRefusedAndNothingRuns() throws Exception {
    Stacks.chain(work, 2, 0, "unused");
    Engine engine = engine(Duration.ofMinutes(2));
    engine.init(work);
    Path planFile = work.resolve("a.tfplan");
    engine.plan(work, planFile, COMMIT_A);

    assertThatThrownBy(() -> engine.apply(work, planFile, COMMIT_B))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("made from lockfile commit " + COMMIT_A + ", not " + COMMIT_B);
    // another plan copied over the bound one: same commit claimed, different bytes
    Path other = work.resolve("other.tfplan");
    Files.writeString(work.resolve("gate.txt"), "x");
    Stacks.chain(work, 1, 0, "unused");
    engine.plan(work, other, COMMIT_A);
    Files.copy(other, planFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> engine.apply(work, planFile, COMMIT_A))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("changed since it was made");
    assertThat(engine.stateResources(work)).isEmpty();
  }

  @Test
  void aCommandOverItsTimeoutIsStopped() throws Exception {
    Path pid = scratch.resolve("sleeper.pid");
    Stacks.sleeper(work, 120, pid);
    engine(Duration.ofMinutes(2)).init(work);
    Engine engine = engine(Duration.ofSeconds(5));
    Path planFile = work.resolve("slow.tfplan");
    engine.plan(work, planFile, COMMIT_A);
    long start = System.nanoTime();
    assertThatThrownBy(() -> engine.apply(work, planFile, COMMIT_A))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("timed out after PT5S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    // stopped means stopped: the provisioner tofu started is gone too, not left sleeping 120 s
    assertThat(pid).exists();
    EngineProcessTest.assertStopped(Long.parseLong(Files.readString(pid).strip()));
  }

  @Test
  void engineFailureCarriesCommandExitCodeAndLastLines() throws Exception {
    Files.writeString(work.resolve("main.tf.json"), "{\"resource\": {\"terraform_data\": {\"x\": {\"nonsense\": 1}}}}");
    Engine engine = engine(Duration.ofMinutes(2));
    engine.init(work);
    assertThatThrownBy(() -> engine.plan(work, work.resolve("p.tfplan"), COMMIT_A))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(1);
          assertThat(e.command().get(1)).isEqualTo("plan");
          assertThat(e.command()).contains("-input=false", "-no-color");
          assertThat(String.join("\n", e.lastLines())).contains("nonsense");
        });
    assertThat(work.resolve("p.tfplan")).doesNotExist();
    assertThat(PlanBinding.sidecarOf(work.resolve("p.tfplan"))).doesNotExist();
  }
}
