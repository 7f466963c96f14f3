package dev.phoenix.rebuild.local;

import static dev.phoenix.rebuild.local.DrillEstates.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.S3ObjectVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillPlanTest {
  static final String IMAGE = "127.0.0.1:5000/shop/web@sha256:" + "a".repeat(64);

  @Test
  void keepsStackOrderDependenciesReplicasAndConfigBlocks() {
    DrillPlan plan = DrillPlan.of(new DrillEstates("prod")
        .stack("base").service("db", IMAGE, 1, plain("A", "1"))
        .stack("apps", "base", "elsewhere").service("api", IMAGE, 3, Map.of())
        .function("report", new S3ObjectVersion("b", "k.zip", "v1", "0".repeat(64)))
        .build());
    assertThat(plan.stacks()).extracting(DrillPlan.StackPlan::name).containsExactly("base", "apps");
    assertThat(plan.stacks().get(1).dependsOn()).containsExactly("base"); // stacks not in the estate are ignored
    assertThat(plan.services()).extracting(DrillPlan.ServicePlan::replicas).containsExactly(1, 3);
    assertThat(plan.services().get(0).config()).containsOnlyKeys("A");
    assertThat(plan.functions()).extracting(f -> f.function().name()).containsExactly("report");
    assertThat(plan.containerNames()).hasSize(4).satisfiesExactly(
        n -> assertThat(n).matches("phoenix-prod-db-[0-9a-f]{8}-1"),
        n -> assertThat(n).matches("phoenix-prod-api-[0-9a-f]{8}-1"),
        n -> assertThat(n).matches("phoenix-prod-api-[0-9a-f]{8}-2"),
        n -> assertThat(n).matches("phoenix-prod-api-[0-9a-f]{8}-3"));
  }

  @Test
  void containerNamesAreUnambiguousWhereTheReadablePartIsNot() {
    assertThat(Labels.container("h", "x-api", 1)).startsWith("phoenix-h-x-api-")
        .isNotEqualTo(Labels.container("h-x", "api", 1));
    assertThat(Labels.container("a-b", "c-d", 1)).isNotEqualTo(Labels.container("a", "b-c-d", 1))
        .isNotEqualTo(Labels.container("a-b-c", "d", 1));
    assertThat(Labels.container("h", "x-api", 1)).isEqualTo(Labels.container("h", "x-api", 1));
    assertThat(Labels.lock("h", "local")).isNotEqualTo(Labels.lock("h-local", "local"));
  }

  @Test
  void refusesAServiceWhoseImageIsNotPinnedByDigest() {
    var estate = new DrillEstates("prod").stack("base")
        .service("db", "127.0.0.1:5000/shop/web:latest", 1, Map.of()).build();
    assertThatThrownBy(() -> DrillPlan.of(estate)).isInstanceOf(PhoenixException.class)
        .hasMessageContaining("not a container image pinned by digest");
  }
}
