package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The one bounded runner. Every test is decided by latches and the order of events, never by how
 * long something took: a latch that is not released in 60 s fails the assertion that waited on it.
 */
class RunnerTest {
  /** Results are the unit's own answer, "late" or "failed: <type>". */
  static final Runner.Outcomes<String> WORDS = words(result -> { });

  /** As {@link #WORDS}, each result handed to {@code heard} as it comes. */
  static Runner.Outcomes<String> words(Consumer<String> heard) {
    return new Runner.Outcomes<>() {
      @Override
      public String late(Runner.Unit<String> unit) {
        return "late";
      }

      @Override
      public String failed(Runner.Unit<String> unit, RuntimeException e) {
        return "failed: " + e.getClass().getSimpleName();
      }

      @Override
      public void done(Runner.Unit<String> unit, String result) {
        heard.accept(result);
      }
    };
  }

  static Runner.Unit<String> unit(String lane, String object, Supplier<String> work) {
    return new Runner.Unit<>(lane, object, work);
  }

  static boolean await(CountDownLatch latch) {
    try {
      return latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void aBlockedLaneDoesNotDelayAnotherLanesResults() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch fastDone = new CountDownLatch(5);
    AtomicBoolean fastFinishedWhileSlowWaited = new AtomicBoolean();
    List<Runner.Unit<String>> units = new ArrayList<>();
    units.add(unit("slow.example", null, () -> { // first in the list, holds its lane until the other lane is done
      fastFinishedWhileSlowWaited.set(await(fastDone));
      events.add("slow");
      return "slow";
    }));
    for (int i = 0; i < 5; i++) {
      int n = i;
      units.add(unit("fast.example", null, () -> {
        events.add("fast " + n);
        return "fast " + n;
      }));
    }
    List<String> out = Runner.lanes(1).run(units, words(result -> {
      if (result.startsWith("fast")) {
        fastDone.countDown(); // results are handed on as they come, not when the run ends
      }
    }));

    assertThat(fastFinishedWhileSlowWaited).as("every fast result came while the slow lane was still blocked").isTrue();
    assertThat(events).containsExactly("fast 0", "fast 1", "fast 2", "fast 3", "fast 4", "slow");
    assertThat(out).containsExactly("slow", "fast 0", "fast 1", "fast 2", "fast 3", "fast 4"); // the units' order
  }

  @Test
  void aLaneNeverRunsMoreThanItsBoundAndReachesIt() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    List<Runner.Unit<String>> units = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      units.add(unit("s3", null, () -> {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        three.countDown();
        await(three); // the first three wait for one another, so three are in flight at once
        inFlight.decrementAndGet();
        return "ok " + n;
      }));
    }
    List<String> out = Runner.lanes(3).run(units, WORDS);
    assertThat(peak.get()).isEqualTo(3);
    assertThat(out).hasSize(20).allMatch(s -> s.startsWith("ok "));
  }

  @Test
  void theTotalBoundHoldsOverAllLanes() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch four = new CountDownLatch(4);
    Map<String, AtomicInteger> perLane = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> lanePeak = new ConcurrentHashMap<>();
    List<Runner.Unit<String>> units = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String lane = "host" + (i % 3);
      units.add(unit(lane, null, () -> {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int mine = perLane.computeIfAbsent(lane, k -> new AtomicInteger()).incrementAndGet();
        lanePeak.computeIfAbsent(lane, k -> new AtomicInteger()).accumulateAndGet(mine, Math::max);
        four.countDown();
        await(four);
        perLane.get(lane).decrementAndGet();
        inFlight.decrementAndGet();
        return "ok";
      }));
    }
    List<String> out = Runner.lanes(2).total(4).run(units, WORDS);
    assertThat(peak.get()).isEqualTo(4);
    assertThat(lanePeak.values()).allMatch(p -> p.get() <= 2);
    assertThat(out).hasSize(30).containsOnly("ok");
  }

  @Test
  void theDeadlineMakesEveryUnfinishedUnitLateAndInterruptsWhatStillRuns() {
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean queuedStarted = new AtomicBoolean();
    List<Runner.Unit<String>> units = List.of(
        unit("hang", null, () -> {
          try {
            never.await(); // answers only when interrupted
          } catch (InterruptedException e) {
            interrupted.countDown();
            return "answered after all";
          }
          return "answered";
        }),
        unit("hang", null, () -> { // behind the hanging one in a lane of one: never starts
          queuedStarted.set(true);
          return "ran";
        }),
        unit("quick", null, () -> "ok"));
    Instant deadline = Instant.now().plusMillis(1000);
    List<String> out = Runner.lanes(1).until(deadline, Duration.ZERO).run(units, WORDS);

    assertThat(out).containsExactly("late", "late", "ok");
    assertThat(queuedStarted).as("nothing starts after the deadline").isFalse();
    assertThat(await(interrupted)).as("the unit still running was interrupted").isTrue();
    assertThat(Instant.now()).as("not before the deadline (less timer granularity)").isAfter(deadline.minusMillis(100));
  }

  @Test
  void theDeadlineHasOneWordingForEveryUncheckedReference() {
    CountDownLatch never = new CountDownLatch(1);
    Ref hanging = new Ref.Ssm("/hangs", 1);
    Ref queued = new Ref.Ssm("/queued", 1);
    Ref quick = new Ref.S3Object("b", "k", "v", null);
    List<Checks.Job> jobs = List.of(
        new Checks.Job("ssm", List.of(hanging), () -> {
          await(never);
          return Map.of(hanging, Finding.ok());
        }),
        new Checks.Job("ssm", List.of(queued), () -> Map.of(queued, Finding.ok())),
        new Checks.Job("s3", List.of(quick), () -> Map.of(quick, Finding.ok())));
    CheckOptions options = new CheckOptions(false, 1, Instant.now().plusMillis(1000), Set.of(), r -> {});
    Map<Ref, Finding> found = Checks.jobs(List.of(hanging, queued, quick), jobs, options);
    assertThat(found).containsExactly(Map.entry(hanging, Checks.DEADLINE), Map.entry(queued, Checks.DEADLINE),
        Map.entry(quick, Finding.ok()));
    assertThat(Checks.DEADLINE).isEqualTo(Finding.unknown("not checked: the run's deadline passed"));
  }

  @Test
  void oneObjectsUnitsRunInOrderWhileOtherObjectsRunBeside() {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> onObject = new ConcurrentHashMap<>();
    AtomicBoolean twoOnOneObject = new AtomicBoolean();
    CountDownLatch together = new CountDownLatch(3);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<Runner.Unit<String>> units = new ArrayList<>();
    for (int v = 0; v < 6; v++) {
      for (String object : List.of("a", "b", "c")) {
        int version = v;
        units.add(unit("ssm", object, () -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          if (onObject.computeIfAbsent(object, k -> new AtomicInteger()).incrementAndGet() > 1) {
            twoOnOneObject.set(true);
          }
          together.countDown();
          await(together); // returns at once only when the three objects ran side by side
          seen.computeIfAbsent(object, k -> Collections.synchronizedList(new ArrayList<>())).add(version);
          onObject.get(object).decrementAndGet();
          inFlight.decrementAndGet();
          return object + version;
        }));
      }
    }
    List<String> out = Runner.lanes(8).run(units, WORDS);
    assertThat(twoOnOneObject).as("never two units on one object at once").isFalse();
    assertThat(peak.get()).isEqualTo(3);
    for (String object : List.of("a", "b", "c")) {
      assertThat(seen.get(object)).as(object).containsExactly(0, 1, 2, 3, 4, 5);
    }
    assertThat(out).startsWith("a0", "b0", "c0", "a1").hasSize(18);
  }

  @Test
  void aUnitThatThrowsGetsItsFailureAndTheOthersStillAnswer() {
    List<String> out = Runner.lanes(2).run(List.of(
        unit("x", "o", () -> {
          throw new IllegalStateException("boom");
        }),
        unit("x", "o", () -> "after the failure, same object"),
        unit("y", null, () -> "ok")), WORDS);
    assertThat(out).containsExactly("failed: IllegalStateException", "after the failure, same object", "ok");
  }

  @Test
  void aCheckerThatThrowsMakesItsReferencesUnknownAndNoneIsLost() {
    ChecksTest.Fake good = new ChecksTest.Fake(r -> r instanceof Ref.S3Object);
    RefChecker broken = new RefChecker() {
      @Override
      public boolean handles(Ref ref) {
        return ref instanceof Ref.Ssm;
      }

      @Override
      public Map<Ref, Finding> check(java.util.Collection<Ref> refs, CheckOptions options) {
        throw new dev.phoenix.core.PhoenixException(dev.phoenix.core.PhoenixException.Kind.UNAVAILABLE,
            "ssm endpoint refused the connection\nsecond line", null);
      }
    };
    List<Ref> refs = List.of(new Ref.Ssm("/a", 1), new Ref.S3Object("b", "k", "v", null), new Ref.Ssm("/b", 2),
        new Ref.Secret("s", "v"));
    AtomicInteger done = new AtomicInteger();
    Map<Ref, Finding> found = Checks.run(List.of(broken, good), refs,
        new CheckOptions(false, 4, Instant.now().plusSeconds(60), Set.of(), r -> done.incrementAndGet()));
    assertThat(found.keySet()).containsExactlyElementsOf(refs);
    Finding failed = Finding.unknown("the ssm check failed: ssm endpoint refused the connection");
    assertThat(found).containsEntry(refs.get(0), failed).containsEntry(refs.get(2), failed)
        .containsEntry(refs.get(1), Finding.ok())
        .containsEntry(refs.get(3), Finding.unknown("no checker for store secretsmanager (Secret references)"));
    assertThat(done.get()).as("each checked reference counted once").isEqualTo(3);
  }

  @Test
  void theFirstCheckerThatHandlesAReferenceGetsItAndNoOther() {
    ChecksTest.Fake first = new ChecksTest.Fake(r -> r instanceof Ref.Image i && i.registry().equals("ecr.example"));
    ChecksTest.Fake any = new ChecksTest.Fake(r -> r instanceof Ref.Image);
    Ref ecr = ChecksTest.image("ecr.example", 1);
    Ref other = ChecksTest.image("other.example", 2);
    Checks.run(List.of(first, any), List.of(ecr, other), ChecksTest.options(Duration.ofMinutes(1)));
    assertThat(first.asked).containsExactly(ecr);
    assertThat(any.asked).containsExactly(other);
  }

  @Test
  void anErrorInAUnitEndsTheRunAndReachesTheCallerInsteadOfAWaitForever() {
    AtomicInteger ran = new AtomicInteger();
    List<Runner.Unit<String>> units = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      units.add(unit("lane-" + (i % 4), null, () -> {
        ran.incrementAndGet();
        if (n == 3) {
          throw new StackOverflowError("deep");
        }
        return "ok";
      }));
    }
    // no deadline: before, the run waited for the broken unit forever
    Throwable thrown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> org.junit.jupiter.api.Assertions.assertThrows(StackOverflowError.class,
            () -> Runner.lanes(2).named("broken").run(units, WORDS)));
    assertThat(thrown).hasMessage("deep");
    assertThat(ran.get()).isBetween(4, 40);
  }

  @Test
  void aListenersExceptionAlsoEndsTheRun() {
    List<Runner.Unit<String>> units = List.of(unit("a", null, () -> "one"), unit("b", null, () -> "two"));
    Runner.Outcomes<String> throwing = words(result -> {
      throw new IllegalStateException("listener broke on " + result);
    });
    Throwable thrown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
            () -> Runner.lanes(1).run(units, throwing)));
    assertThat(thrown.getMessage()).startsWith("listener broke on ");
  }
}
