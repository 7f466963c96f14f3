package dev.phoenix.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ObjectOrderTest {
  @Test
  void oneObjectsWorkGoesInOrderOtherObjectsRunBesideItAndResultsKeepTheItemsOrder() {
    List<Ref> items = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      items.add(new Ref.Ssm("/a", v));
      items.add(new Ref.Ssm("/b", v));
    }
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch together = new CountDownLatch(2);
    AtomicInteger counted = new AtomicInteger();

    List<String> out = ObjectOrder.run(items, r -> r, r -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      together.countDown();
      try {
        together.await(5, TimeUnit.SECONDS); // only quick when both lanes run at once
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Ref.Ssm p = (Ref.Ssm) r;
      seen.add(p.name() + ":" + p.version());
      inFlight.decrementAndGet();
      return p.name() + ":" + p.version();
    }, (r, e) -> "failed " + r, 4, n -> counted.accumulateAndGet(n, Math::max));

    assertThat(out).containsExactly("/a:1", "/b:1", "/a:2", "/b:2", "/a:3", "/b:3", "/a:4", "/b:4", "/a:5", "/b:5");
    assertThat(peak.get()).isEqualTo(2); // two lanes side by side, never two calls on one parameter
    assertThat(seen.stream().filter(s -> s.startsWith("/a:")).toList())
        .containsExactly("/a:1", "/a:2", "/a:3", "/a:4", "/a:5");
    assertThat(counted.get()).isEqualTo(10);
  }

  @Test
  void imagesOfOneRepositoryAreSeparateLanesButVersionsOfOneObjectShareOne() {
    var digest1 = dev.phoenix.model.Digest.of("sha256:" + "1".repeat(64));
    var digest2 = dev.phoenix.model.Digest.of("sha256:" + "2".repeat(64));
    assertThat(ObjectOrder.object(new Ref.Image("r", "app", digest1))).isNotEqualTo(ObjectOrder.object(new Ref.Image("r", "app", digest2)));
    assertThat(ObjectOrder.object(new Ref.S3Object("b", "k", "v1", null))).isEqualTo(ObjectOrder.object(new Ref.S3Object("b", "k", "v2", null)));
    assertThat(ObjectOrder.object(new Ref.Secret("s", "v1"))).isEqualTo(ObjectOrder.object(new Ref.Secret("s", "v2")));
  }

  @Test
  void eachFailureIsReportedForItsOwnItemWhenMostFail() {
    List<Ref> items = new ArrayList<>();
    for (int v = 1; v <= 2_000; v++) {
      items.add(new Ref.Ssm("/p" + (v % 7), v));
    }

    List<String> out = ObjectOrder.run(items, r -> r, r -> {
      if (((Ref.Ssm) r).version() % 10 != 0) {
        throw new IllegalStateException("store down");
      }
      return "ok " + r.id();
    }, (r, e) -> "failed " + r.id() + ": " + e.getMessage(), 8, n -> { });

    assertThat(out).hasSize(2_000);
    for (int i = 0; i < items.size(); i++) {
      long version = ((Ref.Ssm) items.get(i)).version();
      assertThat(out.get(i)).isEqualTo((version % 10 == 0 ? "ok " : "failed ") + items.get(i).id()
          + (version % 10 == 0 ? "" : ": store down"));
    }
  }
}
