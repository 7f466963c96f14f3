package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import org.junit.jupiter.api.Test;

/** Moved with KeepLabels from aws/AwsConfigTest: the names of Phoenix's protection marks. */
class KeepLabelsTest {
  @Test
  void keepLabelsValidateTheEnvironmentName() {
    assertThat(KeepLabels.forEnv("prod-eu")).isEqualTo("phoenix-keep-prod-eu");
    assertThat(KeepLabels.isPhoenix("phoenix-keep-prod")).isTrue();
    assertThat(KeepLabels.isPhoenix("AWSCURRENT")).isFalse();
    assertThatThrownBy(() -> KeepLabels.forEnv("Prod!")).isInstanceOf(PhoenixException.class)
        .hasMessageContaining("Prod!")
        .satisfies(e -> assertThat(((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.INPUT));
  }
}
