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
  void functionSecretsAreGrantedExactlyAsTheirReferencesNameThem() {
    String ref = "secret:" + SampleRequests.DB_SECRET + ":0f6f2a1c";
    assertThatThrownBy(() -> function(Map.of("DB", ref), Grants.NONE))
        .hasMessageContaining("secret reference DB must name a secret ARN covered by the function's grants");
    assertThatThrownBy(() -> function(Map.of(), DB))
        .hasMessageContaining("secret grant " + SampleRequests.DB_SECRET + " is referenced by no");
    FunctionSpec fn = function(Map.of("DB", ref, "DB_AGAIN", ref.replace("0f6f2a1c", "1a2b3c4d")), DB);
    assertThat(fn.secretVersions())
        .containsExactly(Map.entry(SampleRequests.DB_SECRET, List.of("0f6f2a1c", "1a2b3c4d")));
    assertThat(fn.sourceCodeHash()).isEqualTo("S4JdxkLLbrmgYOVL+NaSiPvuSQSy0fim4MXS+LmjHAc=");
    assertThatThrownBy(() -> new FunctionSpec("fn", "1", "b", "k", "v", SampleRequests.LAMBDA_SHA256, "h", "r", 128,
            901, Map.of(), Grants.NONE))
        .hasMessageContaining("timeout must be 1 to 900 s");
    assertThatThrownBy(() -> new FunctionSpec("fn", "1", "b", "k", "v", "abc", "h", "r", 128, 3, Map.of(),
            Grants.NONE))
        .hasMessageContaining("sha256 must be 64 hex digits");
  }

  private static FunctionSpec function(Map<String, String> env, Grants grants) {
    return new FunctionSpec("fn", "1.0.0", "bucket", "key", "v1", SampleRequests.LAMBDA_SHA256, "app.handler",
        "python3.12", 128, 30, env, grants);
  }

  @Test
  void aWorkerHasNoHealthPathAndRegistryCredentialsMustBeASecretArn() {
    ServiceSpec worker = new ServiceSpec("worker", SampleRequests.image("w", 1), "1", 9000, null, 0, 256, 512, 1,
        Map.of(), Map.of(), Grants.NONE, null, null);
    assertThat(worker.exposed()).isFalse();
    assertThat(worker.taskRole()).isEqualTo(TaskRole.NONE);
    assertThatThrownBy(() -> new ServiceSpec("worker", SampleRequests.image("w", 1), "1", 9000, null, 0, 256, 512, 1,
            Map.of(), Map.of(), Grants.NONE, "prod/registry", null))
        .hasMessageContaining("repository credentials must be a Secrets Manager secret ARN");
    assertThatThrownBy(() -> new TaskRole(List.of("AdministratorAccess")))
        .hasMessageContaining("not an IAM managed policy ARN");
    assertThatThrownBy(() -> new NetworkOptions(List.of("euw1-az1", "euw1-az1"), null))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new Scope("prod", "PROD", "abc")).hasMessageContaining("drill id must match");
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
