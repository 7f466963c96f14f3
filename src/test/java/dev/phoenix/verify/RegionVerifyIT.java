package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --region} over several environments against a real mirror registry: a copy the
 * environments share is requested from the registry once per run, and the primary is never asked
 * (its host does not even resolve).
 */
class RegionVerifyIT {
  static final String PRIMARY = "reg.use1.invalid:5000";
  static final String MIRROR = "eu-central-1";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static LocalRegistry mirror;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    mirror = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    if (mirror != null) {
      mirror.close();
    }
  }

  @Test
  void aCopySharedByEnvironmentsIsRequestedOncePerRun() throws Exception {
    Map<String, String> digest = new LinkedHashMap<>();
    for (String name : List.of("a", "b", "c", "d")) {
      digest.put(name, mirror.pushSyntheticImage("shop/" + name, "t", ("region " + name).getBytes(StandardCharsets.UTF_8)));
    }
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    for (String env : List.of("prod", "staging")) {
      git.put("environments/" + env + "/regions.yaml", "apiVersion: phoenix/v1\nkind: Regions\nprimary: us-east-1\n"
          + "mirrors:\n  " + MIRROR + ":\n    registries: {\"" + PRIMARY + "\": \"" + mirror.hostPort() + "\"}\n");
    }
    // prod pins a then b, later a and d; staging a and c: a is shared, four unique copies in all
    git.put("environments/prod/mirrors.ledger", ledger(digest, "a", "b", "d"));
    git.put("environments/staging/mirrors.ledger", ledger(digest, "a", "c"));
    git.put("environments/prod/environment.lock.yaml", lock("prod", digest, "a", "b"));
    git.put("environments/staging/environment.lock.yaml", lock("staging", digest, "a", "c"));
    git.commit(NOW.minus(Duration.ofDays(20)), "first");
    git.put("environments/prod/environment.lock.yaml", lock("prod", digest, "a", "d"));
    git.commit(NOW.minus(Duration.ofDays(10)), "worker d");
    git.checkout(); // the regions files and ledgers are read from the work tree
    git.close();
    int before = mirror.accessLog().size();

    Path json = dir.resolve("out/verify.json");
    VerifyRun run = VerifyRun.of(dir, "--all-envs", "--since", "30d", "--region", MIRROR, "--report", "json:" + json);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("prod in " + MIRROR + ": restorable").contains("staging in " + MIRROR + ": restorable");
    List<String> log = mirror.accessLog();
    log = log.subList(before, log.size());
    for (Map.Entry<String, String> e : digest.entrySet()) {
      long requests = LocalRegistry.countRequests(log, "GET", "/manifests/" + e.getValue())
          + LocalRegistry.countRequests(log, "HEAD", "/manifests/" + e.getValue());
      assertThat(requests).as("manifest requests for the copy of " + e.getKey()).isEqualTo(1);
    }
    var tree = dev.phoenix.report.Json.mapper().readTree(json.toFile());
    assertThat(tree.get("counts").get("unique").asInt()).isEqualTo(4);
  }

  private static String lock(String env, Map<String, String> digest, String app, String worker) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", PRIMARY + "/shop/" + app + "@" + digest.get(app));
    m.put("worker", PRIMARY + "/shop/" + worker + "@" + digest.get(worker));
    return Lockfiles.lockfile(env, m, "", "");
  }

  private static String ledger(Map<String, String> digest, String... names) {
    StringBuilder b = new StringBuilder("phoenix-mirror-ledger/v1\n");
    for (String n : names) {
      String d = digest.get(n);
      b.append(MIRROR).append(" image ").append(PRIMARY).append("/shop/").append(n).append('@').append(d).append(' ')
          .append(mirror.hostPort()).append("/shop/").append(n).append('@').append(d).append(' ').append(d)
          .append(" 2026-12-03T08:40:00Z\n");
    }
    return b.toString();
  }
}
