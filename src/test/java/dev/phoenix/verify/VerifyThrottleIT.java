package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.registry.TestProxy;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback proxy in front of a real registry answers storms of 429 with Retry-After: verify
 * completes with every reference checked (no UNKNOWN), and never sends more than the asked rate
 * (requests counted per second by the proxy, not wall time measured).
 */
class VerifyThrottleIT {
  static final int IMAGES = 30;
  static final int RATE = 10;
  static LocalRegistry registry;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void stormsOf429WithRetryAfterSlowTheRunDownButLeaveNothingUnknownAndTheAskedRateHolds() throws Exception {
    List<String> seconds = new CopyOnWriteArrayList<>();
    Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    AtomicInteger manifestRequests = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    try (TestProxy proxy = new TestProxy(registry.baseUri())) {
      Map<String, String> images = new LinkedHashMap<>();
      for (int i = 0; i < IMAGES; i++) {
        String digest = registry.pushSyntheticImage("storm/svc" + (i % 3), "t",
            ("storm " + i + " " + Instant.now()).getBytes(StandardCharsets.UTF_8));
        images.put(i == 0 ? "app" : "worker" + i, proxy.hostPort() + "/storm/svc" + (i % 3) + "@" + digest);
      }
      proxy.rule((req, x) -> {
        seconds.add(String.valueOf(System.currentTimeMillis() / 1000));
        if (!req.path().contains("/manifests/")) {
          return false;
        }
        int n = manifestRequests.getAndIncrement();
        if (n < 40 && (n / 10) % 2 == 0) { // two storms of ten 429s, with calm between
          throttled.incrementAndGet();
          TestProxy.respond(x, 429, Map.of("Retry-After", "1"), "slow down".getBytes(StandardCharsets.UTF_8));
          return true;
        }
        answered.computeIfAbsent(req.path().substring(req.path().indexOf("/manifests/")), k -> new AtomicInteger())
            .incrementAndGet();
        return false;
      });
      GitFixture git = GitFixture.init(dir);
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod", images, "", ""));
      git.commit(Instant.now().minusSeconds(3600), "thirty images");
      git.close();
      Path json = dir.resolve("verify.json");

      VerifyRun run = VerifyRun.of(dir, "--env", "prod", "--rate", proxy.hostPort() + "=" + RATE + "/s",
          "--report", "json:" + json);

      assertThat(run.code()).as(run.toString()).isZero();
      JsonNode counts = Json.mapper().readTree(json.toFile()).get("counts");
      assertThat(counts.get("UNKNOWN").asInt()).isZero();
      assertThat(counts.get("OK").asInt()).isEqualTo(IMAGES);
      assertThat(throttled.get()).as("the storms happened").isEqualTo(20);
      assertThat(answered).as("each manifest answered once").hasSize(IMAGES)
          .allSatisfy((path, n) -> assertThat(n.get()).isEqualTo(1));
      Map<String, Integer> perSecond = new TreeMap<>();
      seconds.forEach(s -> perSecond.merge(s, 1, Integer::sum));
      // evenly spaced at RATE a second: at most RATE + 1 starts fall in one clock second; one more
      // allowed for a request that a busy machine delayed into the next one's second
      assertThat(perSecond.values()).as("requests per clock second " + perSecond).allSatisfy(n -> assertThat(n)
          .isLessThanOrEqualTo(RATE + 2));
      assertThat(seconds.size()).isEqualTo(IMAGES + 20);
    }
  }
}
