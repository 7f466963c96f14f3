package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Checks#run}: the first checker that handles a reference, one lane per store, the run's deadline. */
class ChecksTest {
  static Ref image(String host, int i) {
    return new Ref.Image(host, "r", new Digest("sha256", String.format("%064x", i)));
  }

  static CheckOptions options(Duration budget) {
    return options(budget, r -> {});
  }

  static CheckOptions options(Duration budget, java.util.function.Consumer<Ref> done) {
    return new CheckOptions(false, 4, Instant.now().plus(budget), Set.of(), done);
  }

  @Test
  void eachReferenceGoesToOneCheckerOnceAndUnhandledOnesAreUnknown() {
    Fake images = new Fake(r -> r instanceof Ref.Image);
    Fake ssm = new Fake(r -> r instanceof Ref.Ssm);
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      refs.add(image(i % 2 == 0 ? "a.example" : "b.example", i));
    }
    refs.add(new Ref.Ssm("/p", 3));
    refs.add(new Ref.Secret("s", "v"));
    images.answers.put(refs.get(5), Finding.missing("manifest unknown"));
    AtomicInteger progress = new AtomicInteger();
    Map<Ref, Finding> found = Checks.run(List.of(images, ssm), refs,
        options(Duration.ofMinutes(1), r -> progress.incrementAndGet()));
    assertThat(images.asked).hasSize(600).doesNotHaveDuplicates();
    assertThat(ssm.asked).containsExactly(new Ref.Ssm("/p", 3));
    assertThat(found.get(refs.get(5)).status()).isEqualTo(Status.MISSING);
    assertThat(found.get(new Ref.Secret("s", "v")).status()).isEqualTo(Status.UNKNOWN);
    assertThat(found.get(new Ref.Secret("s", "v")).reason()).contains("no checker");
    assertThat(progress.get()).isEqualTo(601);
  }

  @Test
  void aSlowStoreDoesNotStallOthersAndTheDeadlineTurnsTheRestUnknown() {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean slowAnswered = new java.util.concurrent.atomic.AtomicBoolean();
    Fake checker = new Fake(r -> true) {
      @Override
      public Map<Ref, Finding> check(java.util.Collection<Ref> refs, CheckOptions options) {
        if (refs.iterator().next().store().equals("slow.example")) { // answers only once the test lets it
          try {
            slowAnswered.set(release.await(60, java.util.concurrent.TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of(); // stopped at the deadline: no answer
          }
        }
        return super.check(refs, options);
      }
    };
    List<Ref> refs = List.of(image("slow.example", 1), image("fast.example", 2), image("fast.example", 3));
    CheckOptions options = options(Duration.ofMillis(1000));
    Map<Ref, Finding> found;
    boolean answeredBeforeReturn;
    try {
      found = Checks.run(List.of(checker), refs, options);
      answeredBeforeReturn = slowAnswered.get();
    } finally {
      release.countDown();
    }
    assertThat(answeredBeforeReturn).as("the run returned at the deadline, without waiting for the slow store").isFalse();
    assertThat(Instant.now()).as("nor before the deadline (less timer granularity)")
        .isAfter(options.deadline().minusMillis(100));
    assertThat(found.get(refs.get(1)).status()).isEqualTo(Status.OK);
    assertThat(found.get(refs.get(2)).status()).isEqualTo(Status.OK);
    assertThat(found.get(refs.get(0)).status()).isEqualTo(Status.UNKNOWN);
    assertThat(found.get(refs.get(0)).reason()).contains("deadline");
    assertThat(found.get(refs.get(0))).isEqualTo(Checks.DEADLINE);
  }

  @Test
  void aCheckerThatThrowsGivesUnknownNotACrash() {
    Fake broken = new Fake(r -> true) {
      @Override
      public Map<Ref, Finding> check(java.util.Collection<Ref> refs, CheckOptions o) {
        throw new IllegalStateException("boom");
      }
    };
    Map<Ref, Finding> found = Checks.run(List.of(broken), List.of(image("a", 1)), options(Duration.ofMinutes(1)));
    assertThat(found.values()).extracting(Finding::status).containsExactly(Status.UNKNOWN);
    assertThat(found.values()).containsExactly(Finding.unknown("the a check failed: IllegalStateException"));
  }

  /** Answers from a map (default OK) and records every reference it is asked about. */
  static class Fake implements RefChecker {
    final java.util.function.Predicate<Ref> handles;
    final Map<Ref, Finding> answers = new java.util.concurrent.ConcurrentHashMap<>();
    final List<Ref> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    Fake(java.util.function.Predicate<Ref> handles) {
      this.handles = handles;
    }

    @Override
    public boolean handles(Ref ref) {
      return handles.test(ref);
    }

    @Override
    public Map<Ref, Finding> check(java.util.Collection<Ref> refs, CheckOptions options) {
      asked.addAll(refs);
      Map<Ref, Finding> out = new java.util.HashMap<>();
      for (Ref r : refs) {
        out.put(r, answers.getOrDefault(r, Finding.ok()));
        options.done().accept(r);
      }
      return out;
    }
  }
}
