package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.bytes;
import static dev.phoenix.registry.Fixtures.checkOne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.testsupport.LocalRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries, deadlines and redirects, with a small real proxy in front of a real registry. */
class RegistryResilienceIT {
  private static LocalRegistry registry;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void twoAnswers429ThenSuccessIsOkAfterExactlyThreeRequests() {
    String digest = registry.pushSyntheticImage("busy/app", "v1", bytes("busy app"));
    AtomicInteger throttled = new AtomicInteger();
    try (TestProxy proxy = new TestProxy(registry.baseUri())) {
      proxy.rule((req, x) -> {
        int n = throttled.getAndIncrement();
        if (req.path().contains("/manifests/") && n < 2) {
          TestProxy.respond(x, 429, n == 0 ? Map.of("Retry-After", "1") : Map.of(), bytes("slow down"));
          return true;
        }
        return false;
      });

      long start = System.nanoTime();
      Finding f = checkOne(proxy.hostPort(), "busy/app", digest, false);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(f.status()).isEqualTo(Status.OK);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)); // Retry-After: 1 honoured
      assertThat(proxy.count("GET", "/v2/busy/app/manifests/" + digest)).isEqualTo(3);
      assertThat(proxy.seen()).hasSize(3);
    }
  }

  @Test
  void persistent503IsUnknownAfterFourAttemptsAnd404IsNeverRetried() {
    try (TestProxy proxy = new TestProxy(registry.baseUri())) {
      proxy.rule((req, x) -> {
        if (req.path().contains("/down/")) {
          TestProxy.respond(x, 503, Map.of(), bytes("maintenance"));
          return true;
        }
        return false;
      });
      String digest = "sha256:" + "b".repeat(64);

      Finding down = checkOne(proxy.hostPort(), "down/app", digest, false);
      Finding absent = checkOne(proxy.hostPort(), "absent/app", digest, false);

      assertThat(down).isEqualTo(Finding.unknown(proxy.hostPort() + " answered HTTP 503 4 times"));
      assertThat(proxy.count("GET", "/v2/down/app/")).isEqualTo(4);
      assertThat(absent.status()).isEqualTo(Status.MISSING);
      assertThat(proxy.count("GET", "/v2/absent/app/")).isEqualTo(1);
    }
  }

  @Test
  void requestThatTimesOutIsRetried() {
    String digest = registry.pushSyntheticImage("stall/app", "v1", bytes("stall app"));
    AtomicInteger calls = new AtomicInteger();
    try (TestProxy proxy = new TestProxy(registry.baseUri())) {
      proxy.rule((req, x) -> {
        if (calls.getAndIncrement() == 0) {
          sleep(2_000); // longer than the 500 ms request timeout
        }
        return false;
      });
      Ref ref = new Ref.Image(proxy.hostPort(), "stall/app", Digest.of(digest));
      RegistrySettings settings = Fixtures.fast().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500));

      Finding f = new RegistryChecker(RegistryCredentials.anonymous(), settings)
          .check(List.of(ref), Fixtures.options(false)).get(ref);

      assertThat(f.status()).isEqualTo(Status.OK);
      assertThat(proxy.count("GET", "/v2/stall/app/manifests/")).isEqualTo(2);
    }
  }

  @Test
  void oversizedManifestIsUnknownAndReadOnlyUpToTheCap() {
    try (TestProxy proxy = new TestProxy(null)) {
      proxy.rule((req, x) -> {
        TestProxy.respond(x, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), new byte[5 * 1024 * 1024]);
        return true;
      });
      String digest = "sha256:" + "e".repeat(64);

      Finding f = checkOne(proxy.hostPort(), "huge/app", digest, false);

      assertThat(f).isEqualTo(Finding.unknown(
          "GET " + proxy.hostPort() + "/v2/huge/app/manifests/" + digest + " answered more than 4194304 bytes"));
      assertThat(proxy.seen()).hasSize(1);
    }
  }

  @Test
  void deadlineTurnsAHangingRegistryIntoUnknownWithoutHanging() {
    String digest = registry.pushSyntheticImage("slow/app", "v1", bytes("slow app"));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
    try (TestProxy proxy = new TestProxy(registry.baseUri())) {
      proxy.rule((req, x) -> { // hangs until the test lets it answer
        try {
          release.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answered.incrementAndGet();
        return false;
      });
      List<Ref> refs = List.of(new Ref.Image(proxy.hostPort(), "slow/app", Digest.of(digest)),
          new Ref.Image(proxy.hostPort(), "slow/other", Digest.of(digest)));
      CheckOptions options = new CheckOptions(false, 1, Instant.now().plusSeconds(1), Set.of(), r -> {});

      Map<Ref, Finding> found;
      int answeredBeforeReturn;
      try {
        found = new RegistryChecker(RegistryCredentials.anonymous(), Fixtures.fast()).check(refs, options);
        answeredBeforeReturn = answered.get();
      } finally {
        release.countDown();
      }

      assertThat(answeredBeforeReturn).as("the check returned at the deadline, not when the registry answered").isZero();
      assertThat(Instant.now()).as("nor before the deadline (less timer granularity)")
          .isAfter(options.deadline().minusMillis(100));
      assertThat(found).hasSize(2);
      assertThat(found.values()).allMatch(f -> f.equals(Finding.unknown("not checked: the run's deadline passed")));
    }
  }

  @Test
  void redirectToAnotherHostDropsAuthorization() {
    String digest = registry.pushSyntheticImage("moved/app", "v1", bytes("moved app"));
    try (TestProxy blobs = new TestProxy(registry.baseUri());
        TestProxy front = new TestProxy(registry.baseUri())) {
      front.rule((req, x) -> {
        if (!"Basic dXNlcjpzM2NyZXQ=".equals(req.header("Authorization"))) {
          TestProxy.respond(x, 401, Map.of("WWW-Authenticate", "Basic realm=\"test\""), bytes("login"));
          return true;
        }
        if (req.method().equals("GET") && req.path().contains("/blobs/")) {
          TestProxy.respond(x, 307, Map.of("Location", "http://" + blobs.hostPort() + req.path()), new byte[0]);
          return true;
        }
        return false;
      });
      RegistryCredentials creds =
          host -> Optional.of(new RegistryCredential.Basic("user", "s3cret"));

      Finding deep = Fixtures.checkOne(creds, front.hostPort(), "moved/app", digest, true);

      assertThat(deep.status()).isEqualTo(Status.OK);
      assertThat(blobs.count("GET", "/v2/moved/app/blobs/")).isEqualTo(2);
      assertThat(blobs.seen()).allMatch(s -> s.header("Authorization") == null);
      assertThat(front.count("GET", "/blobs/")).isEqualTo(2);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
