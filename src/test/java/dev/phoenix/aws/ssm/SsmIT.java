package dev.phoenix.aws.ssm;

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
import dev.phoenix.core.Sensitive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

class SsmIT {
  @RegisterExtension
  static final MotoClients<SsmService, SsmClient> AWS =
      new MotoClients<>(SsmService::connect, c -> AwsClients.build(SsmClient.builder(), c));

  static void write(String name, int times) {
    for (int i = 1; i <= times; i++) {
      String value = "value-" + i;
      AWS.raw().putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
    }
  }

  private Map<Ref, Finding> check(Ref... refs) {
    return AWS.service().checker().check(List.of(refs), MotoAws.options(false));
  }

  @Test
  void existingVersionsAreOkAndAbsentOnesMissing() {
    write("/shop/db/password", 3);
    Ref v2 = new Ref.Ssm("/shop/db/password", 2);
    Ref v9 = new Ref.Ssm("/shop/db/password", 9);
    Ref gone = new Ref.Ssm("/shop/absent", 1);
    Map<Ref, Finding> out = check(v2, v9, gone);
    assertThat(out.get(v2)).isEqualTo(Finding.ok("present"));
    assertThat(out.get(v9)).isEqualTo(Finding.missing("version 9 does not exist (latest is 3)"));
    assertThat(out.get(gone)).isEqualTo(Finding.missing("parameter /shop/absent not found"));
  }

  @Test
  void aParameterInSeveralBatchesOfOneRunIsListedOnce() {
    write("/shop/db/url", 60); // two pages of GetParameterHistory (50 a page)
    CountedCalls calls = new CountedCalls();
    try (SsmClient counted = calls.client(SsmClient.builder(), AWS.moto())) {
      SsmChecker run = new SsmChecker(new SsmHistory(counted));
      Ref v2 = new Ref.Ssm("/shop/db/url", 2);
      Ref v55 = new Ref.Ssm("/shop/db/url", 55);
      Ref v61 = new Ref.Ssm("/shop/db/url", 61);
      Ref absent = new Ref.Ssm("/shop/none", 1);
      Map<Ref, Finding> early = run.check(List.of(v2, absent), MotoAws.options(false));
      Map<Ref, Finding> rest = run.check(List.of(v55, v61, absent), MotoAws.options(false));
      assertThat(calls.of("GetParameterHistory")).isEqualTo(3); // two pages of one, one "not found"
      assertThat(early.get(v2)).isEqualTo(Finding.ok("present"));
      assertThat(rest.get(v55)).isEqualTo(Finding.ok("present"));
      assertThat(rest.get(v61)).isEqualTo(Finding.missing("version 61 does not exist (latest is 60)"));
      assertThat(rest.get(absent)).isEqualTo(Finding.missing("parameter /shop/none not found"));

      new SsmChecker(new SsmHistory(counted)).check(List.of(v55), MotoAws.options(false));
      assertThat(calls.of("GetParameterHistory")).as("another run asks again").isEqualTo(5);
    }
  }

  @Test
  void aDeletedParameterIsMissing() {
    write("/shop/key", 2);
    AWS.raw().deleteParameter(b -> b.name("/shop/key"));
    Ref v1 = new Ref.Ssm("/shop/key", 1);
    assertThat(check(v1).get(v1).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void nearTheHundredVersionLimitUnlabelledIsAtRiskAndOverflowedIsMissing() {
    write("/busy", 101); // moto, like SSM, drops version 1 when version 101 is written
    AWS.service().labels().label("/busy", 3, SsmLabels.keepLabel("prod", 3));
    Ref first = new Ref.Ssm("/busy", 1);
    Ref second = new Ref.Ssm("/busy", 2);
    Ref labelled = new Ref.Ssm("/busy", 3);
    Map<Ref, Finding> out = check(first, second, labelled);
    assertThat(out.get(first).reason()).contains("gone", "oldest version kept is 2");
    assertThat(out.get(first).status()).isEqualTo(Status.MISSING);
    assertThat(out.get(second).status()).isEqualTo(Status.AT_RISK);
    assertThat(out.get(second).reason()).contains("100 of SSM's 100", "number 1 from the oldest");
    assertThat(out.get(labelled)).isEqualTo(Finding.ok("labelled phoenix-keep-prod-v3"));
  }

  @Test
  void valuesAreReadDecryptedForThePinnedVersionOnly() {
    write("/shop/token", 3);
    Sensitive v2 = AWS.service().values().read("/shop/token", 2);
    assertThat(v2.reveal()).isEqualTo("value-2");
    assertThat(v2.toString()).isEqualTo("<redacted>");
    assertThatThrownBy(() -> AWS.service().values().read("/shop/token", 7))
        .isInstanceOf(AwsException.class).matches(e -> ((AwsException) e).notFound());
  }

  @Test
  void lockReadsTheCurrentVersion() {
    write("/shop/url", 4);
    assertThat(AWS.service().pins().currentVersion("/shop/url")).isEqualTo(4);
    assertThatThrownBy(() -> AWS.service().pins().currentVersion("/nope")).isInstanceOf(AwsException.class)
        .hasMessageContaining("ParameterNotFound");
  }

  @Test
  void labelsRoundTripAndProtectedVersionsAreListed() {
    write("/a", 3);
    write("/b", 1);
    String label = SsmLabels.keepLabel("prod", 2);
    AWS.service().labels().label("/a", 2, label);
    AWS.service().labels().label("/a", 2, "team-label");
    assertThat(AWS.raw().getParameterHistory(b -> b.name("/a")).parameters().get(1).labels())
        .containsExactlyInAnyOrder(label, "team-label");
    assertThat(AWS.service().labels().keptVersions(List.of("/a", "/b", "/absent")))
        .containsExactly(new SsmKeptVersion("/a", 2, List.of(label)));

    AWS.service().labels().unlabel("/a", 2, label);
    assertThat(AWS.service().labels().labelsOf("/a", 2)).containsExactly("team-label");
    assertThat(AWS.service().labels().keptVersions(List.of("/a"))).isEmpty();
  }

  @Test
  void labelLimitsAreEnforcedBeforeCallingSsm() {
    write("/a", 1);
    for (int i = 0; i < 10; i++) {
      AWS.service().labels().label("/a", 1, "l" + i);
    }
    assertThatThrownBy(() -> AWS.service().labels().label("/a", 1, "phoenix-keep-prod-v1"))
        .isInstanceOf(AwsException.class).hasMessageContaining("already has 10 labels");
    assertThatThrownBy(() -> AWS.service().labels().label("/a", 1, "aws-thing"))
        .hasMessageContaining("cannot start with 'aws'");
    assertThatThrownBy(() -> AWS.service().labels().label("/a", 5, "phoenix-keep-prod-v5"))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aPinnedVersionIsMaterializedOnceTaggedAndFoundByArn() {
    AWS.raw().putParameter(b -> b.name("/src/db").value("s3cret-1").type(ParameterType.SECURE_STRING));
    AWS.raw().putParameter(b -> b.name("/src/db").value("s3cret-2").type(ParameterType.SECURE_STRING).overwrite(true));
    SsmParameters.Info first = AWS.service().parameters().copyVersion("/src/db", 1, "/rebuild/db", "pinned v1");
    SsmParameters.Info again = AWS.service().parameters().copyVersion("/src/db", 1, "/rebuild/db", "pinned v1");
    assertThat(first.version()).isEqualTo(1);
    assertThat(again.version()).isEqualTo(1); // already holds it: nothing written
    assertThat(first.arn()).endsWith(":parameter/rebuild/db").startsWith("arn:aws:ssm:us-east-1:");
    assertThat(AWS.service().parameters().describe("/rebuild/db").arn()).isEqualTo(first.arn());
    var stored = AWS.raw().getParameter(b -> b.name("/rebuild/db").withDecryption(true)).parameter();
    assertThat(stored.value()).isEqualTo("s3cret-1");
    assertThat(stored.type()).isEqualTo(ParameterType.SECURE_STRING);
    assertThat(AWS.raw().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("/rebuild/db")).tagList()).anySatisfy(t -> {
          assertThat(t.key()).isEqualTo(SsmParameters.REBUILD_TAG);
          assertThat(t.value()).isEqualTo("true");
        });
    assertThat(AWS.service().parameters().copyVersion("/src/db", 2, "/rebuild/db", "pinned v2").version()).isEqualTo(2);
    assertThatThrownBy(() -> AWS.service().parameters().copyVersion("/src/db", 9, "/rebuild/db", "x"))
        .hasMessageContaining("does not exist");
  }

  /** The copy of a SecureString is encrypted with the original's KMS key, found through DescribeParameters' pages. */
  @Test
  void aSecureStringsCopyKeepsItsKey() {
    for (int i = 0; i < 15; i++) {
      int n = i;
      AWS.raw().putParameter(b -> b.name("/other/p" + n).value("v").type(ParameterType.STRING));
    }
    AWS.raw().putParameter(b -> b.name("/src/keyed").value("k3y-1").type(ParameterType.SECURE_STRING)
        .keyId("alias/team-key"));
    assertThat(AWS.service().parameters().keyId("/src/keyed")).contains("alias/team-key");
    assertThat(AWS.service().parameters().keyId("/other/p3")).isEmpty();
    AWS.service().parameters().copyVersion("/src/keyed", 1, "/rebuild/keyed", "pinned v1");
    assertThat(AWS.service().parameters().keyId("/rebuild/keyed")).contains("alias/team-key");
  }
}
