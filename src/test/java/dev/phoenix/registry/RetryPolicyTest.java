package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void backoffDoublesWithJitterBetweenHalfAndFullAndIsCapped() {
    assertThat(policy.delay(1, null, NOW, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
    assertThat(policy.delay(1, null, NOW, () -> 1.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delay(2, null, NOW, () -> 1.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delay(3, null, NOW, () -> 0.5)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.delay(10, null, NOW, () -> 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delay(60, null, NOW, () -> 1.0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterSecondsOrDateIsHonouredButCapped() {
    assertThat(policy.delay(1, "7", NOW, () -> 0.0)).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delay(1, "Thu, 26 Nov 2026 12:00:05 GMT", NOW, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delay(1, "3600", NOW, () -> 0.0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(3, "0", NOW, () -> 1.0)).isEqualTo(Duration.ofMillis(400)); // never below backoff
  }

  @Test
  void retryAfterParsing() {
    assertThat(RetryPolicy.parseRetryAfter("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter(" 3 ", NOW)).contains(Duration.ofSeconds(3));
    assertThat(RetryPolicy.parseRetryAfter("Thu, 26 Nov 2026 11:59:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("-5", NOW)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("", NOW)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("99999999999999999999", NOW)).isEmpty();
  }

  @Test
  void whatIsRetried() {
    assertThat(RetryPolicy.retryable(429)).isTrue();
    assertThat(RetryPolicy.retryable(500)).isTrue();
    assertThat(RetryPolicy.retryable(502)).isTrue();
    assertThat(RetryPolicy.retryable(503)).isTrue();
    assertThat(RetryPolicy.retryable(504)).isTrue();
    assertThat(RetryPolicy.retryable(501)).isFalse();
    assertThat(RetryPolicy.retryable(401)).isFalse();
    assertThat(RetryPolicy.retryable(403)).isFalse();
    assertThat(RetryPolicy.retryable(404)).isFalse();
    assertThat(RetryPolicy.retryable(200)).isFalse();
    assertThat(policy.mayRetry(3)).isTrue();
    assertThat(policy.mayRetry(4)).isFalse();
  }
}
