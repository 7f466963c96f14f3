package dev.phoenix.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.testsupport.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsIT {
  static MotoServer moto;
  static SecretsService service;
  static SecretsManagerClient raw;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
    service = SecretsService.connect(MotoAws.config(moto));
    raw = AwsClients.build(SecretsManagerClient.builder(), MotoAws.config(moto));
  }

  @AfterAll
  static void stop() {
    raw.close();
    service.close();
    moto.close();
  }

  @BeforeEach
  void reset() {
    moto.reset();
  }

  /** Three versions: the first ends with no staging label (moto and AWS alike). */
  private List<String> threeVersions(String name) {
    String v1 = raw.createSecret(b -> b.name(name).secretString("one")).versionId();
    String v2 = raw.putSecretValue(b -> b.secretId(name).secretString("two")).versionId();
    String v3 = raw.putSecretValue(b -> b.secretId(name).secretString("three")).versionId();
    return List.of(v1, v2, v3);
  }

  private Map<Ref, Finding> check(Ref... refs) {
    return service.checker().check(List.of(refs), MotoAws.options(false));
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
  void aSecretScheduledForDeletionIsMissing() {
    String v1 = raw.createSecret(b -> b.name("gone").secretString("x")).versionId();
    raw.deleteSecret(b -> b.secretId("gone").recoveryWindowInDays(7L));
    Ref ref = new Ref.Secret("gone", v1);
    Finding f = check(ref).get(ref);
    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.reason()).contains("scheduled for deletion");
  }

  @Test
  void valuesPinsAndArn() {
    List<String> v = threeVersions("app/key");
    assertThat(service.values().read("app/key", v.get(0)).reveal()).isEqualTo("one");
    assertThat(service.pins().currentVersionId("app/key")).isEqualTo(v.get(2));
    assertThat(service.pins().secretArn("app/key"))
        .isEqualTo(raw.describeSecret(b -> b.secretId("app/key")).arn()).contains(":secret:app/key");
    assertThatThrownBy(() -> service.values().read("app/key", "00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(AwsException.class).matches(e -> ((AwsException) e).notFound());
  }

  @Test
  void keepStageProtectsAVersionWithoutMovingAwsCurrent() {
    List<String> v = threeVersions("app/db");
    String label = SecretStages.keepLabel("prod", v.get(0));
    service.stages().addStage("app/db", v.get(0), label);
    service.stages().addStage("app/db", v.get(0), label);
    var stages = raw.describeSecret(b -> b.secretId("app/db")).versionIdsToStages();
    assertThat(stages.get(v.get(0))).containsExactly(label);
    assertThat(stages.get(v.get(2))).containsExactly("AWSCURRENT");
    Ref bare = new Ref.Secret("app/db", v.get(0));
    assertThat(check(bare).get(bare).status()).isEqualTo(Status.OK);
    assertThat(service.stages().keptVersions(List.of("app/db", "absent")))
        .containsExactly(new SecretKeptVersion("app/db", v.get(0), List.of(label)));

    service.stages().removeStage("app/db", v.get(0), label);
    assertThat(raw.describeSecret(b -> b.secretId("app/db")).versionIdsToStages().get(v.get(0))).isEmpty();
    assertThat(service.stages().keptVersions(List.of("app/db"))).isEmpty();
    assertThatThrownBy(() -> service.stages().removeStage("app/db", v.get(2), "AWSCURRENT"))
        .isInstanceOf(AwsException.class);
  }
}
