package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.aws.AwsTarget;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsFileTest {
  private static final String FILE = "environments/prod/targets.yaml";

  private static TargetSettings parse(String yaml, String target) {
    return TargetsFile.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8), target);
  }

  private static final String GOOD = """
      apiVersion: phoenix/v1
      kind: Targets
      targets:
        aws:
          region: eu-west-1
          account: "123456789012"
          namePrefix: shop-prod
          state: {backend: s3, bucket: shop-state, keyPrefix: prod, lockTable: tf-locks}
          sizes:
            payments-api: {cpu: 1024, replicas: 3}
        local:
          portBase: 18000
      """;

  @Test
  void flattensOneTargetsOptionsWithTheirLines() {
    TargetSettings s = parse(GOOD, "aws");
    assertThat(s.get("region")).contains("eu-west-1");
    assertThat(s.line("region")).isEqualTo(5);
    assertThat(s.get("state.bucket")).contains("shop-state");
    assertThat(s.get("sizes.payments-api.replicas")).contains("3");
    assertThat(s.line("sizes.payments-api.cpu")).isEqualTo(10);
    assertThat(s.get("portBase")).isEmpty();
    assertThat(parse(GOOD, "local").get("portBase")).contains("18000");
    assertThat(s.withFlags(Map.of("region", "us-east-2")).get("region")).contains("us-east-2");
    assertThat(s.withFlags(Map.of("region", "us-east-2")).line("region")).isZero();
  }

  @Test
  void reportsEveryProblemOfTheFileWithItsLine() {
    String bad = """
        apiVersion: phoenix/v2
        kind: Targets
        extra: 1
        targets:
          aws:
            region: eu-west-1
            subnets: [a, b]
        """;
    assertThatThrownBy(() -> parse(bad, "aws"))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining(FILE + ":1: apiVersion must be phoenix/v1")
        .hasMessageContaining(FILE + ":3: unknown key 'extra'")
        .hasMessageContaining(FILE + ":7: subnets is a list");
  }

  @Test
  void theAwsTargetChecksItsOwnKeysWithLines() {
    String bad = """
        apiVersion: phoenix/v1
        kind: Targets
        targets:
          aws:
            region: europe
            account: 1234
            colour: blue
            state: {backend: s3, bucket: b}
            sizes:
              payments-api: {cpu: lots}
        """;
    TargetSettings s = parse(bad, "aws");
    assertThatThrownBy(() -> new AwsTarget().validate(s, "prod", false))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining(FILE + ":5: region: 'europe' is not an AWS region")
        .hasMessageContaining(FILE + ":6: account: must be 12 digits")
        .hasMessageContaining(FILE + ":7: colour: unknown setting")
        .hasMessageContaining(FILE + ":8: state.lockTable is required")
        .hasMessageContaining(FILE + ":10: sizes.payments-api.cpu: must be a whole number");
    assertThat(((PhoenixException) catchKind(s)).kind()).isEqualTo(PhoenixException.Kind.INPUT);
  }

  @Test
  void offlineSynthesisIsNeverApplied() {
    TargetSettings s = TargetSettings.empty(FILE).withFlags(Map.of("region", "eu-west-1", "offline", "true"));
    new AwsTarget().validate(s, "prod", false);
    assertThatThrownBy(() -> new AwsTarget().validate(s, "prod", true)).hasMessageContaining("cannot be applied");
  }

  private static Exception catchKind(TargetSettings s) {
    try {
      new AwsTarget().validate(s, "prod", false);
    } catch (PhoenixException e) {
      return e;
    }
    throw new AssertionError("no problem reported");
  }
}
