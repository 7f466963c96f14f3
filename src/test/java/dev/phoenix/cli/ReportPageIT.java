package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.HeadlessChromium;
import dev.phoenix.testsupport.HtmlTags;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.verify.Lockfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix report} end to end on a real estate (a real registry with deleted manifests, a real
 * Git history, drill records on disk, a drift run's JSON), the page rendered by headless Chromium:
 * the DOM it built has as many red bands as verify has non-restorable intervals, every link lands on
 * an element, nothing hostile became markup, and a screenshot is saved to target/.
 */
class ReportPageIT {
  static final String HOSTILE = "<script>alert(\"pwned\")</script> & 'quoted' \"double\"";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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

  static Instant daysAgo(int d) {
    return NOW.minus(Duration.ofDays(d));
  }

  static String push(String repo, String content) {
    return registry.reference(repo, registry.pushSyntheticImage(repo, "t", content.getBytes(StandardCharsets.UTF_8)));
  }

  static String lock(String env, String app, String worker) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("worker", worker);
    return Lockfiles.lockfile(env, m, "", "");
  }

  static DrillRecord drill(String id, Instant at, String outcome, long millis, String reason) {
    return new DrillRecord(DrillRecord.SCHEMA, id, "prod", "local", "ci@runner", at.toString(), at.plusMillis(millis)
        .toString(), "HEAD", "HEAD", "0123456789abcdef0123456789abcdef01234567", at.toString(), "test", "apply", outcome,
        reason, millis, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void theBrowserShowsOneRedBandPerNonRestorableIntervalAndEveryLinkLands() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require("the restorability page's browser test");
    String a = push("page/api", "a");
    String b = push("page/worker", "b");
    String c = push("page/api", "c");
    String d = push("page/api", "d");
    String e = push("page/api", "e");
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/prod/environment.lock.yaml", lock("prod", a, b));
    git.put("environments/staging/environment.lock.yaml", lock("staging", a, b));
    git.commit(daysAgo(120), "first " + HOSTILE);
    git.put("environments/prod/environment.lock.yaml", lock("prod", c, b));
    git.commit(daysAgo(60), "prod api c");
    git.put("environments/prod/environment.lock.yaml", lock("prod", d, b));
    git.commit(daysAgo(45), "prod api d");
    git.put("environments/staging/environment.lock.yaml", lock("staging", e, b));
    git.commit(daysAgo(20), "staging api e");
    git.put("environments/staging/environment.lock.yaml", lock("staging", a, b));
    git.commit(daysAgo(10), "staging back to a");
    git.close();
    registry.deleteManifest("page/api", c.substring(c.indexOf('@') + 1));
    registry.deleteManifest("page/api", e.substring(e.indexOf('@') + 1));

    DrillRecords records = new DrillRecords(dir.resolve("drills"));
    records.write(drill("0000000a", daysAgo(80), "succeeded", 41_000, null));
    records.write(drill("0000000b", daysAgo(50), "succeeded", 45_500, null));
    records.write(drill("0000000c", daysAgo(30), "failed", 12_000, "health check failed: " + HOSTILE));
    records.write(drill("0000000d", daysAgo(5), "succeeded", 47_250, null));
    Path drift = Files.writeString(dir.resolve("drift-prod.json"), """
        {"environment": "prod", "summary": "prod runs the lockfile of HEAD; 1 drifted", "services": [
          {"name": "app", "status": "MATCH", "lockfile": "%s", "running": "%s"},
          {"name": "%s", "status": "DRIFTED", "lockfile": "%s", "running": "%s"}]}
        """.formatted(d, d, HOSTILE.replace("\"", "\\\""), b, a));

    Path page = dir.resolve("out/report.html");
    RepoRun run = RepoRun.in(dir, "report", "--all-envs", "--since", "90d", "--out", page.toString(),
        "--drift", drift.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().strip()).isEqualTo(page.toString());
    assertThat(run.err()).contains("prod: restorable at every point since").contains("staging: restorable at every point");

    RepoRun verify = RepoRun.in(dir, "verify", "--all-envs", "--since", "90d", "--output", "json",
        "--report", "html:" + dir.resolve("out/verify.html"));
    assertThat(verify.code()).as(verify.toString()).isEqualTo(1);
    int notRestorable = 0;
    for (var env : dev.phoenix.report.Json.mapper().readTree(verify.out()).get("environments")) {
      for (var interval : env.get("intervals")) {
        notRestorable += interval.get("restorable").asText().equals("NOT_RESTORABLE") ? 1 : 0;
      }
    }
    assertThat(notRestorable).isEqualTo(2);

    String dom = chromium.dumpDom(page);
    List<HtmlTags.Tag> tags = HtmlTags.parse(dom);
    List<HtmlTags.Tag> bands = tags.stream().filter(t -> t.name().equals("rect") && t.hasClass("band")).toList();
    assertThat(bands.stream().filter(t -> t.hasClass("bad")).count()).isEqualTo(notRestorable);
    assertThat(bands.stream().filter(t -> t.hasClass("ok")).count()).isEqualTo(4); // around each red band
    Set<String> ids = new HashSet<>();
    List<String> hrefs = new ArrayList<>();
    for (HtmlTags.Tag t : tags) {
      if (t.attr("id") != null) {
        assertThat(ids.add(t.attr("id"))).as("unique id " + t.attr("id")).isTrue();
      }
      if (t.attr("href") != null) {
        hrefs.add(t.attr("href"));
      }
    }
    assertThat(hrefs).hasSizeGreaterThan(10);
    for (String href : hrefs) {
      assertThat(href).startsWith("#");
      assertThat(ids).as("element for " + href).contains(href.substring(1));
    }
    assertThat(tags).noneMatch(t -> t.name().equals("script") || t.name().equals("img")
        || t.attributes().keySet().stream().anyMatch(k -> k.startsWith("on")));
    assertThat(dom).contains("first &lt;script&gt;alert(\"pwned\")&lt;/script&gt; &amp; 'quoted'")
        .contains("health check failed: &lt;script&gt;").contains(c).contains(e) // full references, as written
        .contains("prod runs the lockfile of HEAD; 1 drifted").contains("DRIFTED");
    assertThat(tags.stream().filter(t -> t.name().equals("circle") && t.hasClass("ok")).count()).isEqualTo(3);
    assertThat(tags.stream().filter(t -> t.name().equals("line") && t.hasClass("trend")).count()).isEqualTo(1);

    List<HtmlTags.Tag> verifyTags = HtmlTags.parse(Files.readString(dir.resolve("out/verify.html")));
    assertThat(verifyTags.stream().filter(t -> t.name().equals("rect") && t.hasClass("band") && t.hasClass("bad")).count())
        .isEqualTo(notRestorable);

    Path png = Path.of("target", "report-page-it.png");
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    chromium.screenshot(page, png, 1280, 1600);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(10_000);
    assertThat(java.util.Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
  }
}
