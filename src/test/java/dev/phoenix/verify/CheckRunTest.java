package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckRunTest {
  static Ref image(String host, int i) {
    return new Ref.Image(host, "r", new Digest("sha256", String.format("%064x", i)));
  }

  static CheckOptions options(Duration budget) {
    return new CheckOptions(false, 4, Instant.now().plus(budget), Set.of(), r -> {});
  }

  @Test
  void eachReferenceGoesToOneCheckerOnceAndUnhandledOnesAreUnknown() {
    FakeChecker images = new FakeChecker(r -> r instanceof Ref.Image);
    FakeChecker ssm = new FakeChecker(r -> r instanceof Ref.Ssm);
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      refs.add(image(i % 2 == 0 ? "a.example" : "b.example", i));
    }
    refs.add(new Ref.Ssm("/p", 3));
    refs.add(new Ref.Secret("s", "v"));
    images.answers.put(refs.get(5), Finding.missing("manifest unknown"));
    AtomicInteger progress = new AtomicInteger();
    Map<Ref, Finding> found = new CheckRun(List.of(images, ssm), options(Duration.ofMinutes(1)), counting(progress))
        .run(refs);
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
    FakeChecker checker = new FakeChecker(r -> true) {
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
      found = new CheckRun(List.of(checker), options, ProgressListener.NONE).run(refs);
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
  }

  @Test
  void aCheckerThatThrowsGivesUnknownNotACrash() {
    FakeChecker broken = new FakeChecker(r -> true) {
      @Override
      public Map<Ref, Finding> check(java.util.Collection<Ref> refs, CheckOptions o) {
        throw new IllegalStateException("boom");
      }
    };
    Map<Ref, Finding> found = new CheckRun(List.of(broken), options(Duration.ofMinutes(1)), ProgressListener.NONE)
        .run(List.of(image("a", 1)));
    assertThat(found.values()).extracting(Finding::status).containsExactly(Status.UNKNOWN);
  }

  static ProgressListener counting(AtomicInteger n) {
    return new ProgressListener() {
      @Override
      public void started(int total) {}

      @Override
      public void advanced(int done, int total) {
        n.set(Math.max(n.get(), done));
      }

      @Override
      public void finished(int done, int total) {}
    };
  }
}
