package dev.phoenix.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.CountedCalls;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsIT {
  @RegisterExtension
  static final MotoClients<SecretsService, SecretsManagerClient> AWS =
      new MotoClients<>(SecretsService::connect, c -> AwsClients.build(SecretsManagerClient.builder(), c));

  /** Three versions: the first ends with no staging label (moto and AWS alike). */
  private List<String> threeVersions(String name) {
    String v1 = AWS.raw().createSecret(b -> b.name(name).secretString("one")).versionId();
    String v2 = AWS.raw().putSecretValue(b -> b.secretId(name).secretString("two")).versionId();
    String v3 = AWS.raw().putSecretValue(b -> b.secretId(name).secretString("three")).versionId();
    return List.of(v1, v2, v3);
  }

  private Map<Ref, Finding> check(Ref... refs) {
    return AWS.service().checker().check(List.of(refs), MotoAws.options(false));
  }

  @Test
  void stagedVersionsAreOkUnstagedAtRiskAbsentMissing() {
    List<String> v = threeVersions("app/db");
    Ref current = new Ref.Secret("app/db", v.get(2));
    Ref previous = new Ref.Secret("app/db", v.get(1));
    Ref bare = new Ref.Secret("app/db", v.get(0));
    Ref absent = new Ref.Secret("app/db", "00000000-0000-0000-0000-000000000000");
    Ref noSecret = new Ref.Secret("app/none", v.get(0));
    Map<Ref, Finding> out = check(current, previous, bare, absent, noSecret);
    assertThat(out.get(current)).isEqualTo(Finding.ok("staged AWSCURRENT"));
    assertThat(out.get(previous)).isEqualTo(Finding.ok("staged AWSPREVIOUS"));
    assertThat(out.get(bare)).isEqualTo(Finding.atRisk("no staging label: Secrets Manager may delete it"));
    assertThat(out.get(absent).status()).isEqualTo(Status.MISSING);
    assertThat(out.get(noSecret)).isEqualTo(Finding.missing("secret app/none not found"));
  }

  @Test
  void aSecretInSeveralBatchesOfOneRunIsDescribedAndListedOnce() {
    List<String> v = threeVersions("app/api");
    String v4 = AWS.raw().putSecretValue(b -> b.secretId("app/api").secretString("four")).versionId();
    CountedCalls calls = new CountedCalls();
    try (SecretsManagerClient counted = calls.client(SecretsManagerClient.builder(), AWS.moto())) {
      SecretsChecker run = new SecretsChecker(new SecretDescriptions(counted));
      Ref first = new Ref.Secret("app/api", v.get(0)); // v1 and v2 have no staging label left
      Ref second = new Ref.Secret("app/api", v.get(1));
      Ref absent = new Ref.Secret("app/api", "00000000-0000-0000-0000-000000000000");
      Ref current = new Ref.Secret("app/api", v4);
      Map<Ref, Finding> early = run.check(List.of(first, absent), MotoAws.options(false));
      Map<Ref, Finding> rest = run.check(List.of(second, current), MotoAws.options(false));
      assertThat(calls.of("DescribeSecret")).isEqualTo(1);
      assertThat(calls.of("ListSecretVersionIds")).as("one walk answers every unlabelled version").isEqualTo(1);
      assertThat(early.get(first).status()).isEqualTo(Status.AT_RISK);
      assertThat(early.get(absent).status()).isEqualTo(Status.MISSING);
      assertThat(rest.get(second).status()).isEqualTo(Status.AT_RISK);
      assertThat(rest.get(current)).isEqualTo(Finding.ok("staged AWSCURRENT"));
    }
  }

  @Test
  void aSecretScheduledForDeletionIsMissing() {
    String v1 = AWS.raw().createSecret(b -> b.name("gone").secretString("x")).versionId();
    AWS.raw().deleteSecret(b -> b.secretId("gone").recoveryWindowInDays(7L));
    Ref ref = new Ref.Secret("gone", v1);
    Finding f = check(ref).get(ref);
    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.reason()).contains("scheduled for deletion");
  }

  @Test
  void valuesPinsAndArn() {
    List<String> v = threeVersions("app/key");
    assertThat(AWS.service().values().read("app/key", v.get(0)).reveal()).isEqualTo("one");
    assertThat(AWS.service().pins().currentVersionId("app/key")).isEqualTo(v.get(2));
    assertThat(AWS.service().pins().secretArn("app/key"))
        .isEqualTo(AWS.raw().describeSecret(b -> b.secretId("app/key")).arn()).contains(":secret:app/key");
    assertThatThrownBy(() -> AWS.service().values().read("app/key", "00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(AwsException.class).matches(e -> ((AwsException) e).notFound());
  }

  @Test
  void keepStageProtectsAVersionWithoutMovingAwsCurrent() {
    List<String> v = threeVersions("app/db");
    String label = SecretStages.keepLabel("prod", v.get(0));
    AWS.service().stages().addStage("app/db", v.get(0), label);
    AWS.service().stages().addStage("app/db", v.get(0), label);
    var stages = AWS.raw().describeSecret(b -> b.secretId("app/db")).versionIdsToStages();
    assertThat(stages.get(v.get(0))).containsExactly(label);
    assertThat(stages.get(v.get(2))).containsExactly("AWSCURRENT");
    Ref bare = new Ref.Secret("app/db", v.get(0));
    assertThat(check(bare).get(bare).status()).isEqualTo(Status.OK);
    assertThat(AWS.service().stages().keptVersions(List.of("app/db", "absent")))
        .containsExactly(new SecretKeptVersion("app/db", v.get(0), List.of(label)));

    AWS.service().stages().removeStage("app/db", v.get(0), label);
    assertThat(AWS.raw().describeSecret(b -> b.secretId("app/db")).versionIdsToStages().get(v.get(0))).isEmpty();
    assertThat(AWS.service().stages().keptVersions(List.of("app/db"))).isEmpty();
    assertThatThrownBy(() -> AWS.service().stages().removeStage("app/db", v.get(2), "AWSCURRENT"))
        .isInstanceOf(AwsException.class);
  }
}
