package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AskedOnceTest {
  private final AskedOnce<String, String> memo = new AskedOnce<>();
  private final AtomicInteger asked = new AtomicInteger();

  private static AwsException failure(AwsFailure.Kind kind) {
    return new AwsException("GetParameterHistory /p", new AwsFailure(kind, "Code", 400, "message"), null);
  }

  @Test
  void anAnswerIsKeptPerKey() {
    assertThat(memo.get("a", () -> "A" + asked.incrementAndGet())).isEqualTo("A1");
    assertThat(memo.get("a", () -> "A" + asked.incrementAndGet())).isEqualTo("A1");
    assertThat(memo.get("b", () -> "B" + asked.incrementAndGet())).isEqualTo("B2");
    assertThat(asked).hasValue(2);
  }

  @Test
  void notFoundIsKeptOtherFailuresAreAskedAgain() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> memo.get("gone", () -> {
        asked.incrementAndGet();
        throw failure(AwsFailure.Kind.NOT_FOUND);
      })).isInstanceOf(AwsException.class).matches(e -> ((AwsException) e).notFound());
    }
    assertThat(asked).hasValue(1);
    assertThatThrownBy(() -> memo.get("busy", () -> {
      asked.incrementAndGet();
      throw failure(AwsFailure.Kind.THROTTLED);
    })).isInstanceOf(AwsException.class);
    assertThat(memo.get("busy", () -> "answered after " + asked.incrementAndGet())).isEqualTo("answered after 3");
  }

  @Test
  void twoAskingAtOnceMakeOneCall() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> memo.get("p", () -> {
        asked.incrementAndGet();
        inFlight.countDown();
        await(release);
        return "listing";
      }));
      assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
      Future<String> second = pool.submit(() -> memo.get("p", () -> "second call " + asked.incrementAndGet()));
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("listing");
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("listing");
      assertThat(asked).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
