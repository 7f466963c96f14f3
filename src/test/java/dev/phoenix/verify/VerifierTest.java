package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.When;
import dev.phoenix.model.Digest;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on a real Git history (GitFixture) with a recording fake checker. */
class VerifierTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  @TempDir Path dir;

  static String img(int i) {
    return "registry.example.com/shop/app@sha256:" + String.format("%064x", i);
  }

  static Ref ref(int i) {
    return new Ref.Image("registry.example.com", "shop/app", new Digest("sha256", String.format("%064x", i)));
  }

  static String lock(String env, int... images) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < images.length; k++) {
      m.put(k == 0 ? "app" : "img" + k, img(images[k]));
    }
    return Lockfiles.lockfile(env, m, "", "");
  }

  private GitRepository history() {
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/prod/environment.lock.yaml", lock("prod", 1, 2));
    git.put("environments/staging/environment.lock.yaml", lock("staging", 1, 2));
    git.commit(Instant.parse("2026-07-01T00:00:00Z"), "old, before the window");
    git.put("environments/prod/environment.lock.yaml", lock("prod", 1, 3));
    git.commit(Instant.parse("2026-08-20T00:00:00Z"), "in force at the window start");
    git.put("environments/prod/environment.lock.yaml", lock("prod", 4, 3));
    git.commit(Instant.parse("2026-10-03T10:12:00Z"), "inside");
    git.put("environments/prod/environment.lock.yaml", "apiVersion: phoenix/v1\nkind: EnvironmentLock\n");
    git.commit(Instant.parse("2026-10-10T00:00:00Z"), "broken lockfile");
    git.put("environments/prod/environment.lock.yaml", lock("prod", 1, 3));
    git.put("environments/staging/environment.lock.yaml", lock("staging", 1, 3));
    git.commit(Instant.parse("2026-11-01T00:00:00Z"), "fixed");
    git.close();
    return GitRepository.open(dir);
  }

  private VerifyRequest request(List<String> envs, VerifyWindow window) {
    return new VerifyRequest(envs, envs.isEmpty(), window, false, 4, Duration.ofMinutes(1), Set.of(), false);
  }

  @Test
  void eachEnvironmentsNewReferencesAreOneBatchCheckedAsItIsReadAndTheProgressCountsThemAll() {
    // prod pins 1..4 over its revisions, staging 1, 2 and 3: whichever is read first brings its
    // references, the other only what the first lacked; each batch is one call of the checker
    java.util.List<java.util.Collection<Ref>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    FakeChecker checker = new FakeChecker(r -> true) {
      @Override
      public Map<Ref, Finding> check(java.util.Collection<Ref> refs, dev.phoenix.check.CheckOptions options) {
        calls.add(List.copyOf(refs));
        return super.check(refs, options);
      }
    };
    List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void started(int total) {
        progress.add("started " + total);
      }

      @Override
      public void advanced(int done, int total) {
        progress.add(done + "/" + total);
      }

      @Override
      public void finished(int done, int total) {
        progress.add("finished " + done + "/" + total);
      }
    };
    try (GitRepository git = history()) {
      VerifyWindow window = VerifyWindow.between(Instant.parse("2026-08-28T00:00:00Z"), NOW, "since 90d");
      VerifyResult result = new Verifier(git, List.of(checker), listener, Clock.fixed(NOW, ZoneOffset.UTC))
          .verify(request(List.of(), window));
      assertThat(checker.asked).containsExactlyInAnyOrder(ref(1), ref(2), ref(3), ref(4));
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0)).containsAnyOf(ref(1), ref(3)); // the first environment read brings what both pin
      java.util.Set<Ref> second = new java.util.HashSet<>(calls.get(1));
      assertThat(second).doesNotContainAnyElementsOf(calls.get(0));
      assertThat(result.stats().unique()).isEqualTo(4);
      assertThat(progress.get(0)).isEqualTo("started 4");
      assertThat(progress.get(progress.size() - 1)).isEqualTo("finished 4/4");
      assertThat(progress.stream().filter(p -> p.endsWith("/4") && !p.startsWith("finished")))
          .as("every reference is counted once, after the start").last().isEqualTo("4/4");
    }
  }

  @Test
  void windowCoversTheRevisionInForceAtItsStartAndEveryOneInsideAndChecksEachReferenceOnce() {
    FakeChecker checker = new FakeChecker(r -> true);
    checker.answers.put(ref(4), Finding.missing("manifest unknown"));
    try (GitRepository git = history()) {
      VerifyWindow window = VerifyWindow.between(Instant.parse("2026-08-28T00:00:00Z"), NOW, "since 90d");
      VerifyResult result = new Verifier(git, List.of(checker), ProgressListener.NONE, Clock.fixed(NOW, ZoneOffset.UTC))
          .verify(request(List.of(), window));
      assertThat(checker.asked).containsExactlyInAnyOrder(ref(1), ref(2), ref(3), ref(4));
      EnvReport prod = result.environments().get(0);
      assertThat(prod.environment()).isEqualTo("prod");
      assertThat(prod.revisions()).extracting(r -> r.revision().commit().subject())
          .containsExactly("in force at the window start", "inside", "broken lockfile", "fixed");
      assertThat(prod.revisions()).extracting(RevisionResult::status).containsExactly(
          RevisionStatus.OK, RevisionStatus.MISSING, RevisionStatus.INVALID, RevisionStatus.OK);
      assertThat(prod.summary()).isEqualTo("prod: restorable at every point since 2026-08-28 00:00 except "
          + "2026-10-03 10:12 → 2026-11-01 00:00 (lockfile at " + prod.revisions().get(2).revision().commit().shortId()
          + " fails validation: " + prod.revisions().get(2).revision().problems().get(0).message()
          + ", app registry.example.com/shop/app@sha256:000000000000… MISSING)");
      EnvReport staging = result.environments().get(1);
      assertThat(staging.revisions()).hasSize(2);
      assertThat(staging.summary()).isEqualTo("staging: restorable at every point since 2026-08-28 00:00 (2 revisions)");
      assertThat(result.stats().unique()).isEqualTo(4);
      assertThat(result.stats().uses()).isEqualTo(2 * 3 + 2 * 2);
      assertThat(result.outcome()).isEqualTo(Verdict.BROKEN);
    }
  }

  @Test
  void headOnlyByDefaultAndUnknownEnvironmentsAreUsageErrors() {
    FakeChecker checker = new FakeChecker(r -> true);
    try (GitRepository git = history()) {
      Verifier verifier = new Verifier(git, List.of(checker), ProgressListener.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
      VerifyResult result = verifier.verify(request(List.of("prod"), VerifyWindow.head()));
      assertThat(checker.asked).containsExactlyInAnyOrder(ref(1), ref(3));
      assertThat(result.environments().get(0).summary()).startsWith("prod: restorable now (HEAD ");
      assertThatThrownBy(() -> verifier.verify(request(List.of("nope"), VerifyWindow.head())))
          .isInstanceOf(PhoenixException.class).hasMessageContaining("unknown environment 'nope'");
    }
  }

  private static dev.phoenix.check.Status statusOf(VerifyResult result, String env, Ref ref) {
    return result.environments().stream().filter(e -> e.environment().equals(env)).findFirst().orElseThrow()
        .references().stream().filter(u -> u.ref().equals(ref)).findFirst().orElseThrow().finding().status();
  }

  @Test
  void unprotectedReferencesAreAtRiskOnlyInTheEnvironmentThatLacksTheMark() {
    FakeChecker checker = new FakeChecker(r -> true);
    ProtectionProbe probe = (ref, env) -> env.equals("prod") && ref.equals(ref(3))
        ? java.util.Optional.of(dev.phoenix.check.Finding.atRisk("present but not protected (no phoenix-keep-prod-…)"))
        : java.util.Optional.empty();
    try (GitRepository git = history()) {
      VerifyResult result = new Verifier(git, List.of(checker), ProgressListener.NONE,
          Clock.fixed(NOW, ZoneOffset.UTC), probe).verify(request(List.of("prod", "staging"), VerifyWindow.head()));
      assertThat(checker.asked).containsExactlyInAnyOrder(ref(1), ref(3));
      assertThat(result.outcome()).isEqualTo(Verdict.OK); // AT_RISK warns, unless --strict
      assertThat(statusOf(result, "prod", ref(3))).isEqualTo(dev.phoenix.check.Status.AT_RISK);
      assertThat(statusOf(result, "staging", ref(3))).isEqualTo(dev.phoenix.check.Status.OK);
      assertThat(statusOf(result, "prod", ref(1))).isEqualTo(dev.phoenix.check.Status.OK);
    }
  }

  @Test
  void aProtectionLookupThatFailsIsUnknownWithItsReasonNeverProtected() {
    FakeChecker checker = new FakeChecker(r -> true);
    ProtectionProbe probe = (ref, env) -> {
      if (ref.equals(ref(3))) {
        throw new IllegalStateException("tags/list answered HTTP 503");
      }
      return ref.equals(ref(1)) ? java.util.Optional.of(dev.phoenix.check.Finding.unknown("store said: denied"))
          : java.util.Optional.empty();
    };
    try (GitRepository git = history()) {
      VerifyResult result = new Verifier(git, List.of(checker), ProgressListener.NONE,
          Clock.fixed(NOW, ZoneOffset.UTC), probe).verify(request(List.of("prod"), VerifyWindow.head()));
      assertThat(result.outcome()).isEqualTo(Verdict.UNKNOWN);
      assertThat(statusOf(result, "prod", ref(3))).isEqualTo(dev.phoenix.check.Status.UNKNOWN);
      assertThat(statusOf(result, "prod", ref(1))).isEqualTo(dev.phoenix.check.Status.UNKNOWN);
      assertThat(result.environments().get(0).references().stream().filter(u -> u.ref().equals(ref(3)))
          .findFirst().orElseThrow().finding().reason())
          .isEqualTo("present, but its protection could not be checked: tags/list answered HTTP 503");
    }
  }

  @Test
  void aProtectionProbeStillRunningAtTheDeadlineIsUnknownWithTheRunsOneWording() {
    FakeChecker checker = new FakeChecker(r -> true);
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    ProtectionProbe probe = (ref, env) -> {
      if (ref.equals(ref(3))) {
        try {
          never.await(); // a store that never answers
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return java.util.Optional.empty();
    };
    try (GitRepository git = history()) {
      VerifyRequest request = new VerifyRequest(List.of("prod"), false, VerifyWindow.head(), false, 4,
          Duration.ofSeconds(3), Set.of(), false);
      VerifyResult result = new Verifier(git, List.of(checker), ProgressListener.NONE,
          Clock.fixed(NOW, ZoneOffset.UTC), probe).verify(request);
      assertThat(result.outcome()).isEqualTo(Verdict.UNKNOWN);
      assertThat(result.environments().get(0).references().stream().filter(u -> u.ref().equals(ref(3)))
          .findFirst().orElseThrow().finding()).isEqualTo(dev.phoenix.check.Checks.DEADLINE);
      assertThat(statusOf(result, "prod", ref(1))).isEqualTo(dev.phoenix.check.Status.OK);
    }
  }

  @Test
  void protectionProbesRunSideBySideAndEveryEnvironmentGetsItsOwn() {
    FakeChecker checker = new FakeChecker(r -> true);
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
    java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(2);
    ProtectionProbe probe = (ref, env) -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      together.countDown();
      try {
        together.await(5, java.util.concurrent.TimeUnit.SECONDS); // returns at once only if two run at the same time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      asked.add(env + " " + ref);
      return java.util.Optional.of(dev.phoenix.check.Finding.atRisk("no mark for " + env));
    };
    try (GitRepository git = history()) {
      VerifyResult result = new Verifier(git, List.of(checker), ProgressListener.NONE,
          Clock.fixed(NOW, ZoneOffset.UTC), probe).verify(request(List.of("prod", "staging"), VerifyWindow.head()));
      assertThat(peak.get()).isGreaterThanOrEqualTo(2);
      assertThat(asked).hasSize(4); // ref 1 and ref 3, once per environment
      assertThat(statusOf(result, "prod", ref(1))).isEqualTo(dev.phoenix.check.Status.AT_RISK);
      assertThat(statusOf(result, "staging", ref(3))).isEqualTo(dev.phoenix.check.Status.AT_RISK);
    }
  }

  @Test
  void fromAndToAcceptDatesAndCommits() {
    try (GitRepository git = history()) {
      VerifyWindow w = VerifyWindow.fromTo("2026-10-03", "2026-10-05", git, NOW);
      assertThat(w.from()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
      assertThat(w.to()).isEqualTo(((When.AtTime) When.parse("2026-10-05")).instant()); // the end of that day, as show --at
      assertThat(VerifyWindow.fromTo("HEAD~1", null, git, NOW).from()).isEqualTo(Instant.parse("2026-10-10T00:00:00Z"));
      assertThatThrownBy(() -> VerifyWindow.fromTo("2026-10-05", "2026-10-01", git, NOW)).isInstanceOf(PhoenixException.class);
      FakeChecker checker = new FakeChecker(r -> true);
      VerifyResult r = new Verifier(git, List.of(checker), ProgressListener.NONE, Clock.fixed(NOW, ZoneOffset.UTC))
          .verify(request(List.of("prod"), w));
      assertThat(r.environments().get(0).revisions()).extracting(x -> x.revision().commit().subject())
          .containsExactly("in force at the window start", "inside");
      assertThat(r.environments().get(0).intervals()).singleElement().extracting(Interval::to).isEqualTo(w.to());
    }
  }
}
