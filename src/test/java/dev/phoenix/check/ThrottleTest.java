package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The back-off policy of every lane (registries and AWS services alike), on a clock the test moves. */
class ThrottleTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

  Throttle throttle(double ceiling) {
    return new Throttle(ceiling, nanos::get);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aCeilingSpacesCallsEvenlyWithoutBursts() {
    Throttle t = throttle(10);
    assertThat(t.reserve()).isEqualTo(Duration.ZERO);
    assertThat(t.reserve()).isEqualTo(Duration.ofMillis(100));
    assertThat(t.reserve()).isEqualTo(Duration.ofMillis(200));
    advance(Duration.ofSeconds(5)); // idle time does not bank a burst
    assertThat(t.reserve()).isEqualTo(Duration.ZERO);
    assertThat(t.reserve()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void throttledHalvesTheRateOnceASecondPausesForRetryAfterAndAnswersRecoverItUpToTheCeiling() {
    Throttle t = throttle(20);
    t.throttled(Duration.ofSeconds(3));
    t.throttled(Duration.ofSeconds(1)); // sixteen calls hearing one storm halve it once
    assertThat(t.rate()).isEqualTo(10.0);
    assertThat(t.reserve()).isEqualTo(Duration.ofSeconds(3)); // the longest Retry-After heard
    advance(Duration.ofSeconds(1));
    t.throttled(null);
    assertThat(t.rate()).isEqualTo(5.0);
    for (int i = 0; i < 10_000; i++) {
      t.answered();
    }
    assertThat(t.rate()).isEqualTo(20.0); // recovered, never above the ceiling
  }

  @Test
  void neverBelowTheFloorAndTheBackOffWithoutRetryAfterDoublesAndIsCapped() {
    Throttle slow = throttle(1);
    for (int i = 0; i < 8; i++) {
      slow.throttled(null);
      advance(Duration.ofSeconds(2));
    }
    assertThat(slow.rate()).isEqualTo(Throttle.FLOOR);

    Throttle t = throttle(1_000_000); // spacing negligible: what is left is the pause
    List<Duration> pauses = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      t.throttled(null);
      Duration wait = t.reserve();
      pauses.add(wait);
      advance(wait);
    }
    assertThat(pauses.get(0)).isEqualTo(Duration.ofMillis(250));
    assertThat(pauses.get(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(pauses.get(2)).isEqualTo(Duration.ofMillis(1000));
    assertThat(pauses.get(7)).isEqualTo(Throttle.MAX_PAUSE);
    t.answered();
    t.throttled(null);
    assertThat(t.reserve()).isEqualTo(Duration.ofMillis(250)); // an answer resets the back-off
  }

  @Test
  void withoutACeilingItIsUnpacedUntilThrottledThenPacedFromTheLastSecondsRateAndUnpacedOnceRecovered() {
    Throttle t = throttle(Double.POSITIVE_INFINITY);
    for (int i = 0; i < 40; i++) {
      assertThat(t.reserve()).isEqualTo(Duration.ZERO);
    }
    t.throttled(Duration.ZERO);
    assertThat(t.rate()).isEqualTo(20.0); // half of the 40 a second it was sending
    for (int i = 0; i < 100_000 && !Double.isInfinite(t.rate()); i++) {
      t.answered();
    }
    assertThat(t.rate()).isInfinite();
  }

  @Test
  void ratesParseNamesAndReportEveryBadOneAtOnce() {
    Rates rates = Rates.parse("--rate", List.of("Registry.Example.com=50/s", "ecr=20/s", "ssm=120/m"));
    assertThat(rates.ceiling("registry.example.com")).hasValue(50.0);
    assertThat(rates.ceiling("ssm")).hasValue(2.0);
    assertThat(rates.lane("ssm:eu-west-1").rate()).isEqualTo(2.0); // an AWS lane per region takes the service's
    assertThat(rates.lane("ssm:eu-west-1")).isSameAs(rates.lane("SSM:eu-west-1"));
    assertThat(rates.lane("ghcr.io").rate()).isInfinite();
    assertThatThrownBy(() -> Rates.parse("--rate", List.of("ecr", "s3=0/s", "ecr=1/s", "ecr=2/s")))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("--rate ecr: not NAME=N/s")
        .hasMessageContaining("--rate s3=0/s: the rate must be above 0")
        .hasMessageContaining("--rate ecr=2/s: ecr is given twice");
  }
}
