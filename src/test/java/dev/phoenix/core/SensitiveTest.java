package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveTest {
  @Test
  void neverShowsItsTextExceptThroughReveal() {
    Sensitive s = Sensitive.of("hunter2");
    assertThat(s.toString()).isEqualTo("<redacted>");
    assertThat("value=" + s).isEqualTo("value=<redacted>");
    assertThat(String.valueOf(java.util.List.of(s))).doesNotContain("hunter2");
    assertThat(s.reveal()).isEqualTo("hunter2");
  }

  @Test
  void comparesValues() {
    assertThat(Sensitive.of("a").sameAs(Sensitive.of("a"))).isTrue();
    assertThat(Sensitive.of("a").sameAs(Sensitive.of("b"))).isFalse();
    assertThat(Sensitive.of("a").sameAs(null)).isFalse();
    assertThat(Sensitive.of("").isEmpty()).isTrue();
  }
}
