package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.git.CommitInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checking while history is read: a batch starts as soon as an environment is read, before reading
 * is over; batches run one at a time, never ask for a reference twice, and the findings come back
 * for every unique reference in its order.
 */
class EarlyChecksTest {
  private static final CommitInfo COMMIT = new CommitInfo("c".repeat(40), Instant.EPOCH, "a", "x");

  private static EnvRevision revision(String env, int... refs) {
    Map<Ref, List<String>> map = new LinkedHashMap<>();
    for (int r : refs) {
      map.put(VerifierTest.ref(r), List.of("svc"));
    }
    return new EnvRevision(env, COMMIT, Instant.EPOCH, null, map, List.of(), List.of());
  }

  private static Revisions.EnvRead parsed(EnvRevision... revisions) {
    return new Revisions.EnvRead(List.of(revisions), revisions.length);
  }

  @Test
  void anEnvironmentReadMostlyFromTheCacheStartsNoBatchAndIsCheckedWithTheRest() throws Exception {
    List<Set<Ref>> batches = new CopyOnWriteArrayList<>();
    Map<Ref, Finding> findings;
    try (EarlyChecks early = new EarlyChecks(batch -> {
      batches.add(batch);
      Map<Ref, Finding> out = new LinkedHashMap<>();
      batch.forEach(r -> out.put(r, Finding.ok()));
      return out;
    })) {
      early.read(new Revisions.EnvRead(List.of(revision("prod", 1, 2)), 0));
      List<EnvRevision> night = new ArrayList<>(java.util.Collections.nCopies(10, revision("qa", 6)));
      night.add(revision("qa", 6, 7));
      early.read(new Revisions.EnvRead(night, 1)); // one new revision of eleven
      early.read(parsed(revision("staging", 2, 3)));
      findings = early.rest(new LinkedHashSet<>(List.of(VerifierTest.ref(1), VerifierTest.ref(2), VerifierTest.ref(3),
          VerifierTest.ref(6), VerifierTest.ref(7))));
    }
    assertThat(batches).containsExactly(Set.of(VerifierTest.ref(2), VerifierTest.ref(3)),
        Set.of(VerifierTest.ref(1), VerifierTest.ref(6), VerifierTest.ref(7)));
    assertThat(findings).hasSize(5).doesNotContainValue(null);
  }

  @Test
  void aBatchStartsWhenAnEnvironmentIsReadAndNoReferenceIsAskedTwice() throws Exception {
    List<Set<Ref>> batches = new CopyOnWriteArrayList<>();
    CountDownLatch firstStarted = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Map<Ref, Finding> findings;
    try (EarlyChecks early = new EarlyChecks(batch -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      batches.add(batch);
      firstStarted.countDown();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Map<Ref, Finding> out = new LinkedHashMap<>();
      batch.forEach(r -> out.put(r, r.equals(VerifierTest.ref(3)) ? Finding.missing("gone") : Finding.ok()));
      running.decrementAndGet();
      return out;
    })) {
      early.read(parsed(revision("prod", 1, 2), revision("prod", 2, 3)));
      // reading goes on (the other environments): the first batch is already being checked
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).as("checked before reading was over").isTrue();
      early.read(parsed(revision("staging", 3, 4)));
      early.read(parsed(revision("dev", 1, 4))); // nothing new: no batch
      Set<Ref> unique = new LinkedHashSet<>(List.of(VerifierTest.ref(5), VerifierTest.ref(4), VerifierTest.ref(1),
          VerifierTest.ref(3), VerifierTest.ref(2)));
      findings = early.rest(unique);
      assertThat(new ArrayList<>(findings.keySet())).containsExactlyElementsOf(unique);
    }
    assertThat(batches).containsExactly(Set.of(VerifierTest.ref(1), VerifierTest.ref(2), VerifierTest.ref(3)),
        Set.of(VerifierTest.ref(4)), Set.of(VerifierTest.ref(5)));
    assertThat(most.get()).as("one batch at a time").isEqualTo(1);
    assertThat(findings.get(VerifierTest.ref(3)).status()).isEqualTo(dev.phoenix.check.Status.MISSING);
    assertThat(findings.values()).doesNotContainNull();
  }

  @Test
  void closingStopsWhatIsQueuedAndUnderWay() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    EarlyChecks early = new EarlyChecks(batch -> {
      runs.incrementAndGet();
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
        Thread.currentThread().interrupt();
        return Map.of();
      }
      finished.incrementAndGet();
      return Map.of();
    });
    early.read(parsed(revision("prod", 1)));
    early.read(parsed(revision("staging", 2))); // queued behind the first
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    early.close(); // reading failed: the run ends here
    assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the batch under way is interrupted").isTrue();
    assertThat(runs.get()).as("the queued batch never starts").isEqualTo(1);
    assertThat(finished.get()).isZero();
    early.read(parsed(revision("qa", 3))); // a late environment after closing: not checked
    assertThatThrownBy(() -> early.rest(Set.of(VerifierTest.ref(1)))).isInstanceOf(RuntimeException.class);
  }
}
