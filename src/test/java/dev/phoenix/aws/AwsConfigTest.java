package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AwsConfigTest {
  @Test
  void toStringNeverShowsTheSecretKey() {
    AwsConfig c = AwsConfig.forEndpoint(URI.create("http://127.0.0.1:1"), "eu-west-2", "AKIDTEST", "s3cr3tKey");
    assertThat(c.toString()).contains("AKIDTEST", "eu-west-2", "127.0.0.1").doesNotContain("s3cr3tKey");
    assertThat(AwsConfig.defaults().toString()).contains("<chain>", "<sdk>", "<default chain>");
  }

  @Test
  void refusesUnboundedOrHalfConfiguredSettings() {
    assertThatThrownBy(() -> AwsConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsConfig.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AwsConfig(null, null, "AKID", null, Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explicitRegionWinsAndTheFallbackIsUsEast1() {
    assertThat(AwsClients.region(AwsConfig.defaults().withRegion("ap-south-1"))).isEqualTo("ap-south-1");
    assertThat(AwsConfig.DEFAULT_REGION).isEqualTo("us-east-1");
  }
}
