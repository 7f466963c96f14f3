package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsSpanTest {
  @Test
  void everyUnitThatIsNotZeroLargestFirst() {
    assertThat(Durations.span(Duration.ofHours(7))).isEqualTo("7h");
    assertThat(Durations.span(Duration.ofDays(1).plusHours(21).plusMinutes(59).plusSeconds(59).plusMillis(999)))
        .isEqualTo("1d 21h 59m 59s");
    assertThat(Durations.span(Duration.ofDays(2).plusSeconds(5))).isEqualTo("2d 5s");
    assertThat(Durations.span(Duration.ofMillis(400))).isEqualTo("0s");
    assertThat(Durations.span(Duration.ofSeconds(-5))).isEqualTo("0s");
  }

  @Test
  void sinceIsTheTimeElapsedFromANanoTimeReading() {
    long start = System.nanoTime() - Duration.ofHours(1).toNanos();
    // bracketed by nanoTime readings taken just before and after: exact, whatever the machine's speed
    long before = System.nanoTime();
    Duration took = Durations.since(start);
    long after = System.nanoTime();
    assertThat(took).isBetween(Duration.ofNanos(before - start), Duration.ofNanos(after - start));
  }
}
