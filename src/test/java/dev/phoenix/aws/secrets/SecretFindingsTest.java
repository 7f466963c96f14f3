package dev.phoenix.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFindingsTest {
  private static final SecretDescriptions.Described SECRET = new SecretDescriptions.Described("arn", null,
      Map.of("v-current", List.of("AWSCURRENT"), "v-bare", List.of()));

  @Test
  void stagedUnstagedAndAbsentVersions() {
    assertThat(SecretFindings.of(SECRET, "v-current", false).status()).isEqualTo(Status.OK);
    assertThat(SecretFindings.of(SECRET, "v-current", false).reason()).contains("AWSCURRENT");
    assertThat(SecretFindings.of(SECRET, "v-bare", false).reason()).isEqualTo(SecretFindings.NO_STAGE);
    assertThat(SecretFindings.of(SECRET, "v-bare", false).status()).isEqualTo(Status.AT_RISK);
    assertThat(SecretFindings.of(SECRET, "v-deprecated", true).status()).isEqualTo(Status.AT_RISK);
    assertThat(SecretFindings.of(SECRET, "v-gone", false).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void aSecretScheduledForDeletionIsMissingAndSaysSo() {
    var deleted = new SecretDescriptions.Described("arn", Instant.parse("2030-01-01T00:00:00Z"), SECRET.stages());
    var f = SecretFindings.of(deleted, "v-current", false);
    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.reason()).contains("scheduled for deletion", "2030-01-01");
  }

  @Test
  void awsStagesAreNeverMovedByPhoenix() {
    assertThatThrownBy(() -> SecretStages.validate("AWSCURRENT")).isInstanceOf(AwsException.class);
    assertThatThrownBy(() -> SecretStages.validate("")).isInstanceOf(AwsException.class);
    assertThat(SecretStages.keepLabel("prod", "abc")).isEqualTo("phoenix-keep-prod-abc");
  }
}
