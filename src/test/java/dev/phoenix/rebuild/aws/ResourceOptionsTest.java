package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.synth.NetworkOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aws target's resource options in targets.yaml, and the drill scope of an out directory. */
class ResourceOptionsTest {
  private static final String FILE = "environments/prod/targets.yaml";

  @TempDir Path dir;

  private static TargetSettings parse(String aws) {
    String yaml = "apiVersion: phoenix/v1\nkind: Targets\ntargets:\n  aws:\n    region: eu-west-2\n" + aws;
    return TargetsFile.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8), "aws");
  }

  @Test
  void defaultsAreTwoZonesBySortedZoneIdANatGatewayPerZoneAndNoCredentials() {
    AwsSettings aws = AwsSettings.from(parse(""), "prod");
    assertThat(aws.resources().drill()).isEmpty();
    assertThat(aws.resources().network()).isEqualTo(NetworkOptions.DEFAULT);
    assertThat(aws.target().network().natGateways()).isEqualTo(NetworkOptions.NatGateways.PER_ZONE);
    assertThat(aws.resources().registryCredentials()).isEmpty();
  }

  @Test
  void zoneIdsNatGatewaysDrillAndRegistryCredentialsAreRead() {
    AwsSettings aws = AwsSettings.from(parse("""
            drill: rec2026
            zoneIds: euw2-az2, euw2-az3
            natGateways: single
            registryCredentials:
              registry.example.com: prod/registry-pull
              ghcr.io: arn:aws:secretsmanager:eu-west-2:123456789012:secret:ghcr-Ab12Cd
        """), "prod");
    assertThat(aws.resources().drill()).contains("rec2026");
    assertThat(aws.target().network().zoneIds()).containsExactly("euw2-az2", "euw2-az3");
    assertThat(aws.target().network().natGateways()).isEqualTo(NetworkOptions.NatGateways.SINGLE);
    assertThat(aws.resources().registryCredentials()).isEqualTo(Map.of(
        "registry.example.com", "prod/registry-pull",
        "ghcr.io", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:ghcr-Ab12Cd"));
  }

  @Test
  void everyBadOptionIsReportedWithItsLine() {
    TargetSettings s = parse("""
            drill: Drill_1
            zoneIds: euw2-az1
            natGateways: none
            registryCredentials:
              123456789012.dkr.ecr.eu-west-2.amazonaws.com: prod/ecr
        """);
    assertThatThrownBy(() -> new AwsTarget().validate(s, "prod", false))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining(FILE + ":6: drill: 'Drill_1' must match [a-z0-9]{4,12}")
        .hasMessageContaining(FILE + ":7: zoneIds: give 2 to 4 zone ids, got 1")
        .hasMessageContaining(FILE + ":8: natGateways: must be per-zone or single")
        .hasMessageContaining(FILE + ":10: registryCredentials.123456789012.dkr.ecr.eu-west-2.amazonaws.com: "
            + "ECR needs no repository credentials");
    assertThatThrownBy(() -> AwsSettings.from(parse("    zoneIds: eu-west-2a,eu-west-2b\n"), "prod"))
        .hasMessageContaining(FILE + ":6: zoneIds: 'eu-west-2a' is not a zone id (e.g. euw2-az1)");
  }

  @Test
  void theFirstRebuildIntoAnOutDirFixesItsDrillAndLaterOnesKeepIt() throws Exception {
    assertThat(DrillScope.drillId(dir, Optional.empty(), "1a2b3c4d")).isEqualTo("1a2b3c4d");
    assertThat(Files.readString(dir.resolve(DrillScope.FILE)).strip()).isEqualTo("1a2b3c4d");
    assertThat(DrillScope.drillId(dir, Optional.empty(), "99990000")).as("a re-run").isEqualTo("1a2b3c4d");
    assertThat(DrillScope.drillId(dir, Optional.of("1a2b3c4d"), "99990000")).isEqualTo("1a2b3c4d");
    assertThatThrownBy(() -> DrillScope.drillId(dir, Optional.of("other1"), "99990000"))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("drill other1 asked for, but " + dir + " holds the state of drill 1a2b3c4d");
    Path second = dir.resolve("second");
    assertThat(DrillScope.drillId(second, Optional.of("other1"), "99990000")).isEqualTo("other1");
    assertThat(List.of(DrillScope.drillId(second, Optional.empty(), "x"))).containsExactly("other1");
  }

  @Test
  void kmsKeysAreCompletedFromTheStoresArnAndAwsManagedKeysNeedNone() {
    String secret = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:prod/db-Ab12Cd";
    assertThat(KmsKeys.arn(null, secret)).isEmpty();
    assertThat(KmsKeys.arn("alias/aws/secretsmanager", secret)).isEmpty();
    assertThat(KmsKeys.arn("arn:aws:kms:eu-west-2:123456789012:alias/aws/ssm", secret)).isEmpty();
    assertThat(KmsKeys.arn("1234abcd-12ab-34cd-56ef-1234567890ab", secret))
        .contains("arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(KmsKeys.arn("alias/prod-db", secret)).contains("arn:aws:kms:eu-west-2:123456789012:alias/prod-db");
    String keyArn = "arn:aws:kms:eu-west-2:210987654321:key/mrk-1234";
    assertThat(KmsKeys.arn(keyArn, secret)).contains(keyArn);
  }
}
