package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.Servers;
import dev.phoenix.testsupport.SyntheticLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code phoenix verify} end to end: real docker-registry, real Git history with controlled commit times. */
class VerifyRegistryIT {
  static LocalRegistry registry;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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

  static Instant daysAgo(int d) {
    return NOW.minus(Duration.ofDays(d));
  }

  /** Pushes a synthetic image; returns "127.0.0.1:PORT/repo@sha256:…". */
  static String push(String repo, String content) {
    return registry.reference(repo, registry.pushSyntheticImage(repo, "t", content.getBytes(StandardCharsets.UTF_8)));
  }

  static String digestOf(String reference) {
    return reference.substring(reference.indexOf('@') + 1);
  }

  static String lock(String env, String app, String worker) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("worker", worker);
    return Lockfiles.lockfile(env, m, "", "");
  }

  @Test
  void aManifestDeletedLaterBreaksExactlyTheIntervalThatUsedItAndEachReferenceIsRequestedOnce() throws Exception {
    String a = push("win/api", "a");
    String b = push("win/worker", "b");
    String c = push("win/api", "c");
    String d = push("win/api", "d");
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/prod/environment.lock.yaml", lock("prod", a, b));
    git.put("environments/staging/environment.lock.yaml", lock("staging", a, b));
    git.commit(daysAgo(120), "before the window");
    git.put("environments/prod/environment.lock.yaml", lock("prod", c, b));
    git.commit(daysAgo(60), "api c");
    git.put("environments/prod/environment.lock.yaml", lock("prod", d, b));
    git.commit(daysAgo(30), "api d");
    git.close();
    registry.deleteManifest("win/api", digestOf(c));
    int before = registry.accessLog().size();

    Path junit = dir.resolve("out/verify.xml");
    Path json = dir.resolve("out/verify.json");
    VerifyRun run = VerifyRun.of(dir, "--all-envs", "--since", "90d", "--report", "junit:" + junit,
        "--report", "json:" + json, "--report", "markdown:" + dir.resolve("out/verify.md"));

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("prod: restorable at every point since " + Summary.time(daysAgo(90)).substring(0, 10))
        .contains(" except " + Summary.time(daysAgo(60)) + " → " + Summary.time(daysAgo(30))
            + " (app " + a.substring(0, a.indexOf('@')) + "@" + digestOf(c).substring(0, 19) + "… MISSING)");
    assertThat(run.out()).contains("staging: restorable at every point since");
    assertThat(run.err()).contains("verify: checking 4 unique references").doesNotContain("prod:");
    List<String> log = registry.accessLog();
    log = log.subList(before, log.size());
    for (String ref : List.of(a, b, c, d)) {
      long requests = LocalRegistry.countRequests(log, "HEAD", "/manifests/" + digestOf(ref))
          + LocalRegistry.countRequests(log, "GET", "/manifests/" + digestOf(ref));
      assertThat(requests).as("manifest requests for " + ref).isEqualTo(1);
    }
    assertThat(log).as("every request names Phoenix as its user agent").isNotEmpty()
        .allMatch(line -> line.contains("\"phoenix/"));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4 + 2); // prod uses a, b, c, d; staging a, b
    int failures = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      assertThat(e.getAttribute("classname")).isIn("prod", "staging");
      if (e.getElementsByTagName("failure").getLength() > 0) {
        failures++;
        assertThat(e.getAttribute("classname")).isEqualTo("prod");
        assertThat(e.getAttribute("name")).isEqualTo("app " + c); // the full reference, digest not shortened
      }
    }
    assertThat(failures).isEqualTo(1);

    var tree = dev.phoenix.report.Json.mapper().readTree(json.toFile());
    assertThat(tree.get("exitCode").asInt()).isEqualTo(1);
    assertThat(tree.get("counts").get("unique").asInt()).isEqualTo(4);
    var prod = tree.get("environments").get(0);
    assertThat(prod.get("revisions")).hasSize(3);
    assertThat(prod.get("revisions").get(1).get("status").asText()).isEqualTo("MISSING");
    assertThat(prod.get("revisions").get(1).get("validUntil").asText()).isEqualTo(daysAgo(30).toString());
    assertThat(prod.get("intervals").get(1).get("restorable").asText()).isEqualTo("NOT_RESTORABLE");
    // machine-readable reports name the full reference, a script can re-push or page on it
    assertThat(prod.get("intervals").get(1).get("causes").get(0).get("ref").asText()).isEqualTo(c);
    assertThat(prod.get("revisions").get(1).get("broken").get(0).get("ref").asText()).isEqualTo(c);
    List<String> refs = new java.util.ArrayList<>();
    prod.get("references").forEach(r -> refs.add(r.get("ref").asText()));
    assertThat(refs).containsExactlyInAnyOrder(a, b, c, d);
    String revision = prod.get("revisions").get(1).get("commit").asText();
    assertThat(revision).hasSize(40);
    assertThat(Files.readString(dir.resolve("out/verify.md"))).contains("| **NO** |")
        .contains("| `" + c + "` | app | MISSING |").contains("| `" + revision + "` |");
    assertThat(Files.readString(junit)).contains("in 1 revision(s): " + revision);

    VerifyRun head = VerifyRun.of(dir, "--env", "prod", "--output", "json");
    assertThat(head.code()).as(head.toString()).isEqualTo(0);
    assertThat(dev.phoenix.report.Json.mapper().readTree(head.out()).get("environments").get(0).get("summary").asText())
        .startsWith("prod: restorable now (HEAD ");
  }

  @Test
  void aDeletedBlobIsOnlyCaughtByDeep() throws Exception {
    String app = push("deep/api", "deep app");
    String worker = push("deep/worker", "deep worker");
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/prod/environment.lock.yaml", lock("prod", app, worker));
    git.commit(daysAgo(1), "one");
    git.close();
    String hex = SyntheticLayer.of("deep app".getBytes(StandardCharsets.UTF_8)).digest().substring(7);
    Files.delete(registry.storageDir().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data"));

    VerifyRun shallow = VerifyRun.of(dir, "--env", "prod");
    VerifyRun deep = VerifyRun.of(dir, "--env", "prod", "--deep");
    assertThat(shallow.code()).as(shallow.toString()).isEqualTo(0);
    assertThat(deep.code()).as(deep.toString()).isEqualTo(1);
    assertThat(deep.out()).contains("prod: NOT restorable now (HEAD ").contains("app " + app.substring(0, 30));
  }

  @Test
  void anUnreachableRegistryIsUnknownWithItsReasonAndExitsThree() {
    String dead = "127.0.0.1:" + Servers.freeLoopbackPort() + "/gone/api@sha256:" + "e".repeat(64);
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/dr/environment.lock.yaml", lock("dr", dead, push("dr/worker", "dr worker")));
    git.commit(daysAgo(2), "dr");
    git.close();
    VerifyRun run = VerifyRun.of(dir, "--env", "dr", "--since", "7d", "--deadline", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).contains("dr: restorable at no point since").contains("unknown ")
        .contains("gone/api@sha256:eeeeeeeeeeee… UNKNOWN: ");
  }

  @Test
  void aRegistryThatNeverAnswersCannotOutlastTheDeadline() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread accept = new Thread(() -> {
        List<java.net.Socket> held = new java.util.ArrayList<>();
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept()); // accept, then say nothing
          } catch (java.io.IOException e) {
            return;
          }
        }
      });
      accept.setDaemon(true);
      accept.start();
      String slow = "127.0.0.1:" + silent.getLocalPort() + "/slow/api@sha256:" + "f".repeat(64);
      GitFixture git = GitFixture.init(dir);
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/prod/environment.lock.yaml", lock("prod", slow, push("slow/worker", "slow worker")));
      git.commit(daysAgo(1), "slow");
      git.close();
      long start = System.nanoTime();
      VerifyRun run = VerifyRun.of(dir, "--env", "prod", "--deadline", "2s");
      long millis = (System.nanoTime() - start) / 1_000_000L;
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      // a registry that never answers can only be ended by the deadline: the run returned (and says
      // "deadline", not a request time-out), and not before the deadline
      assertThat(millis).isGreaterThanOrEqualTo(1900);
      assertThat(run.out()).contains("slow/api@sha256:ffffffffffff… UNKNOWN: not checked: the run's deadline passed")
          .contains(": 1 OK, 1 UNKNOWN"); // the answering registry was not stalled by the silent one
    }
  }

  @Test
  void usageErrorsExitTwo() {
    GitFixture.init(dir).close();
    assertThat(VerifyRun.of(dir).code()).isEqualTo(2);
    assertThat(VerifyRun.of(dir, "--env", "x", "--all-envs").code()).isEqualTo(2);
    assertThat(VerifyRun.of(dir, "--env", "x", "--since", "90y").err()).contains("--since '90y' is not a duration");
    assertThat(VerifyRun.of(dir, "--env", "x", "--report", "xml:a.xml").code()).isEqualTo(2);
    assertThat(VerifyRun.of(dir, "--env", "x", "--since", "9d", "--from", "2026-01-01").code()).isEqualTo(2);
  }
}
