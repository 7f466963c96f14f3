package dev.phoenix.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Validation of the request records; no synthesis, no Node. */
class SynthRequestTest {

  private static final Grants DB = new Grants(List.of(), List.of(SampleRequests.DB_SECRET));

  private static ServiceSpec service(String image, Map<String, String> secrets, Grants grants) {
    return new ServiceSpec("api", image, 80, "/", 256, 512, 1, Map.of(), secrets, grants);
  }

  @Test
  void imageMustBePinnedByDigest() {
    assertThatThrownBy(() -> service("registry.local/api:latest", Map.of(), Grants.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pinned by digest");
    assertThat(service(SampleRequests.image("api", 1), Map.of(), Grants.NONE).image())
        .endsWith(String.format("%064x", 1));
  }

  @Test
  void everySecretMustBeAnArnCoveredByTheGrants() {
    assertThatThrownBy(() -> service(SampleRequests.image("api", 1),
            Map.of("DB", SampleRequests.DB_SECRET_PINNED), Grants.NONE))
        .hasMessageContaining("covered by the service's grants");
    assertThatThrownBy(() -> service(SampleRequests.image("api", 1),
            Map.of("DB", "plain-secret-value"), DB))
        .hasMessageContaining("must be an ARN");
    assertThat(service(SampleRequests.image("api", 1),
            Map.of("DB", SampleRequests.DB_SECRET_PINNED), DB).secrets())
        .containsEntry("DB", SampleRequests.DB_SECRET_PINNED);
  }

  @Test
  void grantsAreExactArnsSortedWithoutDuplicates() {
    assertThatThrownBy(() -> new Grants(List.of("arn:aws:ssm:eu-west-1:1:parameter/*"), List.of()))
        .hasMessageContaining("exact");
    assertThatThrownBy(() -> new Grants(List.of(SampleRequests.DB_SECRET), List.of()))
        .hasMessageContaining("ssm");
    Grants grants =
        new Grants(List.of(SampleRequests.WEB_FLAGS_PARAM, SampleRequests.API_URL_PARAM,
            SampleRequests.API_URL_PARAM), List.of());
    assertThat(grants.parameterArns())
        .containsExactly(SampleRequests.API_URL_PARAM, SampleRequests.WEB_FLAGS_PARAM);
  }

  @Test
  void stacksComeInDependencyOrderAndNetworkIsReserved() {
    TargetOptions target = SampleRequests.target(StateBackend.local());
    StackSpec late = new StackSpec("late", List.of("early"), List.of(), List.of());
    StackSpec early = new StackSpec("early", List.of(), List.of(), List.of());
    assertThatThrownBy(() -> new SynthRequest(target, List.of(late, early)))
        .hasMessageContaining("not an earlier stack");
    assertThat(new SynthRequest(target, List.of(early, late)).stacks()).hasSize(2);
    assertThatThrownBy(() -> new StackSpec("network", List.of(), List.of(), List.of()))
        .hasMessageContaining("reserved");
  }

  @Test
  void targetOptionsAreChecked() {
    assertThatThrownBy(() -> new TargetOptions("mars-1", "shop", Optional.empty(), null))
        .hasMessageContaining("region");
    assertThatThrownBy(() -> new TargetOptions("eu-west-1", "shop", Optional.of("12"), null))
        .hasMessageContaining("12 digits");
    assertThat(new TargetOptions("cn-north-1", "shop", Optional.empty(), null).partition())
        .isEqualTo("aws-cn");
    assertThat(new TargetOptions("eu-west-1", "shop", null, null).backend())
        .isEqualTo(StateBackend.local());
  }

  @Test
  void longNamesAreShortenedStablyAndTemplatesEscaped() {
    String name = Names.fit("shop-production-very-long-service-name", 32);
    assertThat(name).hasSizeLessThanOrEqualTo(32)
        .isEqualTo(Names.fit("shop-production-very-long-service-name", 32))
        .isNotEqualTo(Names.fit("shop-production-very-long-service-nam2", 32));
    assertThat(Names.literal("a ${b} %{c}")).isEqualTo("a $${b} %%{c}");
  }
}
