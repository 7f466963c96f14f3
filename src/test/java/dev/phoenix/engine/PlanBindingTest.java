package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanBindingTest {

  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);
  private static final List<String> CMD = List.of("tofu", "apply", "plan.tfplan");

  @TempDir Path dir;

  @Test
  void sidecarSitsNextToThePlan() {
    assertThat(PlanBinding.sidecarOf(dir.resolve("x/plan.tfplan")))
        .isEqualTo(dir.resolve("x/plan.tfplan.meta.json"));
  }

  @Test
  void verifiesThePlanItBound() throws Exception {
    Path plan = plan("content");
    PlanBinding written = PlanBinding.write(plan, A);
    assertThat(Files.readString(PlanBinding.sidecarOf(plan))).contains(A).contains(written.planSha256());
    assertThat(PlanBinding.verify(plan, A, CMD)).isEqualTo(written);
  }

  @Test
  void refusesAPlanMadeFromAnotherCommit() throws Exception {
    Path plan = plan("content");
    PlanBinding.write(plan, A);
    assertThatThrownBy(() -> PlanBinding.verify(plan, B, CMD))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("made from lockfile commit " + A)
        .hasMessageContaining("not " + B)
        .satisfies(e -> assertThat(((PlanBindingException) e).command()).isEqualTo(CMD));
  }

  @Test
  void refusesAPlanChangedSinceItWasBound() throws Exception {
    Path plan = plan("content");
    PlanBinding.write(plan, A);
    Files.writeString(plan, "content, changed");
    assertThatThrownBy(() -> PlanBinding.verify(plan, A, CMD))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("changed since it was made");
  }

  @Test
  void refusesAPlanWithoutSidecar() throws Exception {
    Path plan = plan("content");
    assertThatThrownBy(() -> PlanBinding.verify(plan, A, CMD))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("meta.json does not exist");
  }

  @Test
  void refusesAnUnreadableSidecar() throws Exception {
    Path plan = plan("content");
    Files.writeString(PlanBinding.sidecarOf(plan), "{\"lockfileCommit\": \"nope\"}");
    assertThatThrownBy(() -> PlanBinding.verify(plan, A, CMD))
        .isInstanceOf(PlanBindingException.class)
        .hasMessageContaining("cannot read its binding");
  }

  @Test
  void rejectsSomethingThatIsNotACommitId() {
    assertThatThrownBy(() -> PlanBinding.write(dir.resolve("p"), "main"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path plan(String content) throws Exception {
    Path plan = dir.resolve("plan.tfplan");
    Files.writeString(plan, content);
    return plan;
  }
}
