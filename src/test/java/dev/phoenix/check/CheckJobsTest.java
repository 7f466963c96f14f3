package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Checks#jobs}: how a checker spreads its requests (was aws/AwsCheckRun). */
class CheckJobsTest {
  private static Ref ssm(int v) {
    return new Ref.Ssm("/p", v);
  }

  @Test
  void neverRunsMoreUnitsAtOnceThanTheConcurrency() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<Ref> refs = new ArrayList<>();
    List<Checks.Job> units = new ArrayList<>();
    CountDownLatch together = new CountDownLatch(3);
    for (int i = 0; i < 12; i++) {
      Ref ref = ssm(i);
      refs.add(ref);
      units.add(new Checks.Job("ssm", List.of(ref), () -> {
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        together.countDown();
        await(together); // the first three wait for one another: three run at once, then the rest pass
        running.decrementAndGet();
        return Map.of(ref, Finding.ok());
      }));
    }
    AtomicInteger done = new AtomicInteger();
    CheckOptions options = new CheckOptions(false, 3, Instant.now().plusSeconds(30), Set.of(), r -> done.incrementAndGet());
    Map<Ref, Finding> out = Checks.jobs(refs, units, options);
    assertThat(out).hasSize(12).allSatisfy((r, f) -> assertThat(f.status()).isEqualTo(Status.OK));
    assertThat(peak.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
    assertThat(done.get()).isEqualTo(12);
  }

  @Test
  void whatIsNotDoneByTheDeadlineIsUnknown() throws Exception {
    Ref fast = ssm(1);
    Ref slow = ssm(2);
    CountDownLatch release = new CountDownLatch(1); // the slow unit answers only once the test lets it
    AtomicBoolean slowAnswered = new AtomicBoolean();
    List<Checks.Job> units = List.of(
        new Checks.Job("ssm", List.of(fast), () -> Map.of(fast, Finding.ok())),
        new Checks.Job("ssm", List.of(slow), () -> {
          try {
            slowAnswered.set(release.await(60, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Map.of(slow, Finding.ok());
        }));
    Instant deadline = Instant.now().plusMillis(1000);
    Map<Ref, Finding> out;
    boolean answeredBeforeReturn;
    try {
      out = Checks.jobs(List.of(fast, slow), units, new CheckOptions(false, 2, deadline, Set.of(), r -> {}));
      answeredBeforeReturn = slowAnswered.get();
    } finally {
      release.countDown();
    }
    assertThat(answeredBeforeReturn).as("the run returned at the deadline, without waiting for the slow unit").isFalse();
    assertThat(Instant.now()).as("nor before the deadline (less timer granularity)").isAfter(deadline.minusMillis(100));
    assertThat(out.get(fast).status()).isEqualTo(Status.OK);
    assertThat(out.get(slow).status()).isEqualTo(Status.UNKNOWN);
    assertThat(out.get(slow).reason()).contains("deadline");
    assertThat(out.get(slow)).isEqualTo(Checks.DEADLINE);
  }

  @Test
  void aFailingUnitMakesItsReferencesUnknownAndUncoveredOnesAreNotChecked() {
    Ref a = ssm(1);
    Ref b = ssm(2);
    Ref stray = new Ref.Ami("ami-1", "us-east-1");
    List<Checks.Job> units = List.of(new Checks.Job("ssm", List.of(a, b), () -> {
      throw AwsException.input("boom", null);
    }));
    Map<Ref, Finding> out = Checks.jobs(List.of(a, b, stray), units, CheckOptions.defaults());
    assertThat(out.get(a)).isEqualTo(Finding.unknown("the ssm check failed: boom"));
    assertThat(out.get(b).status()).isEqualTo(Status.UNKNOWN);
    assertThat(out.get(stray)).isEqualTo(Checks.NO_ANSWER);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
