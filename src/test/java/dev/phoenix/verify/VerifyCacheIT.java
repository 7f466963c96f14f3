package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly {@code phoenix verify} on the read cache: the second run parses no lockfile blob the
 * first one read (counted through {@link LockfileReader#onParse}), only the night's new revisions,
 * and gives the report the first run gives.
 */
class VerifyCacheIT {
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

  @AfterEach
  void quiet() {
    LockfileReader.onParse(null);
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

  static String blob(byte[] content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      sha.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private VerifyRun run(Set<String> parsed, Path json) {
    LockfileReader.onParse(b -> parsed.add(blob(b)));
    try {
      return VerifyRun.of(dir, "--all-envs", "--since", "30d", "--cache-dir", dir.resolve("cache").toString(),
          "--report", "json:" + json);
    } finally {
      LockfileReader.onParse(null);
    }
  }

  @Test
  void theSecondNightParsesOnlyTheNewRevisionsAndReportsTheSame() throws Exception {
    String[] api = new String[8];
    for (int i = 0; i < api.length; i++) {
      api[i] = push("cache/api", "api " + i);
    }
    String worker = push("cache/worker", "w");
    registry.deleteManifest("cache/api", api[3].substring(api[3].indexOf('@') + 1));
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    for (int day = 20, i = 0; day >= 6; day -= 2, i = (i + 1) % 6) {
      git.put("environments/prod/environment.lock.yaml", lock("prod", api[i], worker));
      git.put("environments/staging/environment.lock.yaml", lock("staging", api[(i + 1) % 6], worker));
      git.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
    }

    Set<String> first = ConcurrentHashMap.newKeySet();
    VerifyRun one = run(first, dir.resolve("one.json"));
    assertThat(one.code()).as(one.toString()).isEqualTo(1); // api[3] is gone
    assertThat(first).as("lockfile blobs parsed the first night").hasSizeGreaterThanOrEqualTo(6);

    Set<String> again = ConcurrentHashMap.newKeySet();
    VerifyRun same = run(again, dir.resolve("same.json"));
    assertThat(again).as("nothing new: nothing parsed").isEmpty();
    assertThat(withoutClock(same.out())).isEqualTo(withoutClock(one.out()));
    assertThat(same.code()).isEqualTo(one.code());
    assertThat(withoutTimes(Files.readString(dir.resolve("same.json"))))
        .isEqualTo(withoutTimes(Files.readString(dir.resolve("one.json"))));

    // the next night: one new revision per environment
    String prodNew = lock("prod", api[6], worker);
    String stagingNew = lock("staging", api[7], worker);
    git.put("environments/prod/environment.lock.yaml", prodNew);
    git.put("environments/staging/environment.lock.yaml", stagingNew);
    git.commit(NOW.minus(Duration.ofDays(1)), "tonight");
    git.close();
    Set<String> second = ConcurrentHashMap.newKeySet();
    VerifyRun two = run(second, dir.resolve("two.json"));
    assertThat(two.code()).as(two.toString()).isEqualTo(1);
    assertThat(second).as("only tonight's lockfiles")
        .containsExactlyInAnyOrder(blob(prodNew.getBytes(StandardCharsets.UTF_8)),
            blob(stagingNew.getBytes(StandardCharsets.UTF_8)))
        .doesNotContainAnyElementsOf(first);
    assertThat(Files.list(dir.resolve("cache")).toList()).as("the cache is where --cache-dir says").isNotEmpty();

    // the same run without any cache gives the same report
    VerifyRun cold = VerifyRun.of(dir, "--all-envs", "--since", "30d", "--cache-dir", "off",
        "--report", "json:" + dir.resolve("cold.json"));
    assertThat(withoutClock(two.out())).isEqualTo(withoutClock(cold.out()));
    assertThat(withoutTimes(Files.readString(dir.resolve("two.json"))))
        .isEqualTo(withoutTimes(Files.readString(dir.resolve("cold.json"))));
  }

  /** The summary's window (read from the clock) and durations differ from run to run; nothing else. */
  static String withoutClock(String out) {
    return out.replaceAll("\\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} → \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)", "(window)")
        .replaceAll(" checked in [^(]*\\(reading history [^,]*, checking [^)]*\\)", " checked in (times)");
  }

  /** The run's own clock readings (when it ran, its window, how long it took) differ from run to run. */
  static String withoutTimes(String json) {
    return json.replaceAll("\"(startedAt|durationMs|readingMs|checkingMs)\"\\s*:\\s*(\"[^\"]*\"|[0-9.]+)", "\"$1\":_")
        .replaceAll("\"(from|to)\"\\s*:\\s*\"[^\"]*\\.[0-9]+Z\"", "\"$1\":_"); // the window, read from the clock
  }
}
