package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --shard I/N} and {@code --merge} on a real registry and a real Git history: four
 * shards merged give the unsharded run's report and exit code, and every unique manifest is asked
 * for exactly once over all shards (the registry's access log).
 */
class VerifyShardIT {
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

  static String push(String repo, String content) {
    return registry.reference(repo, registry.pushSyntheticImage(repo, "t", content.getBytes(StandardCharsets.UTF_8)));
  }

  static String digestOf(String reference) {
    return reference.substring(reference.indexOf('@') + 1);
  }

  static String lock(String env, List<String> images) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", images.get(0));
    for (int i = 1; i < images.size(); i++) {
      m.put("worker" + i, images.get(i));
    }
    return Lockfiles.lockfile(env, m, "", "");
  }

  /** 16 images over two environments and four revisions each; one manifest deleted. */
  private List<String> estate() {
    List<String> images = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      images.add(push("shard/svc" + (i % 4), "content " + i + " " + NOW));
    }
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    for (int rev = 0; rev < 4; rev++) {
      git.put("environments/prod/environment.lock.yaml", lock("prod", images.subList(rev * 3, rev * 3 + 4)));
      git.put("environments/staging/environment.lock.yaml", lock("staging", images.subList(rev * 2 + 4, rev * 2 + 8)));
      git.commit(NOW.minus(Duration.ofDays(40 - rev * 10)), "revision " + rev);
    }
    git.close();
    registry.deleteManifest("shard/svc1", digestOf(images.get(5)));
    return images;
  }

  private String[] window(String... more) {
    List<String> args = new ArrayList<>(List.of("--all-envs",
        "--from", NOW.minus(Duration.ofDays(35)).toString().replace("Z", ""), "--to",
        NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)).toString().replace("Z", ""))); // before the shards' anchor
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void fourShardsMergedGiveTheUnshardedReportAndExitCodeAndAskForEachManifestOnce() throws Exception {
    List<String> images = estate();
    Path whole = dir.resolve("whole.json");
    VerifyRun unsharded = VerifyRun.of(dir, window("--report", "json:" + whole));
    assertThat(unsharded.code()).as(unsharded.toString()).isEqualTo(1);

    int before = registry.accessLog().size();
    List<String> files = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < 4; i++) {
      Path part = dir.resolve("shard-" + i + ".json");
      VerifyRun shard = VerifyRun.of(dir, window("--shard", i + "/4", "--report", "json:" + part));
      assertThat(shard.code()).as(shard.toString()).isEqualTo(0); // the verdict is the merge's
      assertThat(shard.out()).contains("verify: shard " + i + "/4 checked ");
      checked += Json.mapper().readTree(part.toFile()).get("counts").get("checked").asInt();
      files.add(part.toString());
    }
    List<String> log = registry.accessLog();
    log = log.subList(before, log.size());
    assertThat(checked).as("the shards checked every unique reference of the window between them")
        .isEqualTo(countInWindow(images));
    for (String ref : images) {
      long requests = LocalRegistry.countRequests(log, "GET", "/manifests/" + digestOf(ref))
          + LocalRegistry.countRequests(log, "HEAD", "/manifests/" + digestOf(ref));
      assertThat(requests).as("manifest requests for " + ref + " over all shards").isEqualTo(inWindow(images, ref) ? 1 : 0);
    }

    Path mergedFile = dir.resolve("merged.json");
    List<String> args = new ArrayList<>(List.of("--report", "json:" + mergedFile, "--merge"));
    args.addAll(List.of(files.get(2), files.get(0), files.get(3), files.get(1)));
    VerifyRun merged = VerifyRun.of(dir, args.toArray(String[]::new));
    assertThat(merged.code()).as(merged.toString()).isEqualTo(unsharded.code());
    assertThat(summaries(merged.out())).isEqualTo(summaries(unsharded.out())).hasSize(2);
    assertThat(comparable(Json.mapper().readTree(mergedFile.toFile())))
        .isEqualTo(comparable(Json.mapper().readTree(whole.toFile())));
    assertThat(merged.out()).contains("prod: restorable at every point since").contains("MISSING");
  }

  @Test
  void mergeRefusesMissingDuplicateAndForeignShardsNamingThem() throws Exception {
    estate();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path part = dir.resolve("s" + i + ".json"); // written through the {shard} placeholder
      assertThat(VerifyRun.of(dir, window("--shard", i + "/3", "--report", "json:" + dir.resolve("s{shard}.json")))
          .code()).isZero();
      assertThat(part).exists();
      files.add(part.toString());
    }
    Path other = dir.resolve("other.json");
    assertThat(VerifyRun.of(dir, "--env", "prod", "--shard", "1/3", "--report", "json:" + other).code()).isZero();

    VerifyRun missing = VerifyRun.of(dir, "--merge", files.get(0), files.get(2));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing shard 1/3");

    VerifyRun twice = VerifyRun.of(dir, "--merge", files.get(0), files.get(1), files.get(1), files.get(2));
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("are both shard 1/3");

    VerifyRun foreign = VerifyRun.of(dir, "--merge", files.get(0), other.toString(), files.get(2));
    assertThat(foreign.code()).isEqualTo(2);
    assertThat(foreign.err()).contains(other + " is a shard of another run than " + files.get(0))
        .contains("environments [prod, staging] vs [prod]").contains("window");

    VerifyRun whole = VerifyRun.of(dir, "--merge", files.get(0));
    assertThat(whole.err()).contains("missing shards 1/3, 2/3");
  }

  private boolean inWindow(List<String> images, String ref) {
    int i = images.indexOf(ref);
    // prod revisions 0..3 use images [3r, 3r+4), staging [2r+4, 2r+8); the window starts inside revision 0
    for (int rev = 0; rev < 4; rev++) {
      if (i >= rev * 3 && i < rev * 3 + 4 || i >= rev * 2 + 4 && i < rev * 2 + 8) {
        return true;
      }
    }
    return false;
  }

  private int countInWindow(List<String> images) {
    return (int) images.stream().filter(r -> inWindow(images, r)).count();
  }

  /** The lines naming an environment (the summaries), without the run's timing line. */
  static List<String> summaries(String out) {
    return out.lines().filter(l -> l.startsWith("prod:") || l.startsWith("staging:")).toList();
  }

  /** The report without what differs from run to run (times) and with lists of references in one order. */
  static JsonNode comparable(JsonNode report) {
    ObjectNode r = report.deepCopy();
    for (String f : List.of("startedAt", "durationMs", "readingMs", "checkingMs")) {
      r.remove(f);
    }
    for (JsonNode env : r.get("environments")) {
      ArrayNode refs = (ArrayNode) env.get("references");
      List<JsonNode> sorted = new ArrayList<>();
      refs.forEach(sorted::add);
      sorted.sort(java.util.Comparator.comparing(n -> n.get("ref").asText()));
      refs.removeAll();
      sorted.forEach(refs::add);
    }
    return r;
  }
}
