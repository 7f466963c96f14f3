package dev.phoenix.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmiFindingsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static AmiInfo ami(String state, String deprecation) {
    return new AmiInfo("ami-1", "eu-west-1", state, "n", AmiLookup.instant(deprecation));
  }

  @Test
  void deprecationInThePastIsAtRisk() {
    var f = AmiFindings.of(ami("available", "2026-01-01T00:00:00.000Z"), NOW);
    assertThat(f.status()).isEqualTo(Status.AT_RISK);
    assertThat(f.reason()).isEqualTo("deprecated since 2026-01-01T00:00:00Z");
    assertThat(AmiFindings.of(ami("available", "2027-01-01T00:00:00Z"), NOW).status()).isEqualTo(Status.OK);
    assertThat(AmiFindings.of(ami("available", null), NOW).status()).isEqualTo(Status.OK);
  }

  @Test
  void otherStatesSaySo() {
    assertThat(AmiFindings.of(ami("pending", null), NOW).status()).isEqualTo(Status.UNKNOWN);
    assertThat(AmiFindings.of(ami("pending", null), NOW).reason()).contains("pending");
    assertThat(AmiFindings.of(ami("failed", null), NOW).status()).isEqualTo(Status.MISSING);
    assertThat(AmiFindings.of(ami("failed", null), NOW).reason()).contains("failed");
    assertThat(AmiFindings.of(ami("deregistered", null), NOW).status()).isEqualTo(Status.MISSING);
    assertThat(AmiFindings.of(ami("disabled", null), NOW).status()).isEqualTo(Status.AT_RISK);
    assertThat(AmiFindings.absent("ami-9", "eu-west-1", "InvalidAMIID.NotFound").reason())
        .contains("ami-9", "eu-west-1", "InvalidAMIID.NotFound");
  }
}
