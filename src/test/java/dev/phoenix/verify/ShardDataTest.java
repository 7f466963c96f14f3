package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.git.GitRepository;
import dev.phoenix.model.Datastore;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.JsonReport;
import dev.phoenix.verify.report.ShardJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --shard I/N} then {@code --merge} carries the datastores' RPO coverage: the first
 * shard lists and checks the backups, its JSON carries the reports, and the merged result equals an
 * unsharded run's, gap, broken backup and summary included. On a real Git history; the backups come
 * from an in-memory catalog (the S3 catalog itself is VerifyDataIT's).
 */
class ShardDataTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  @TempDir Path dir;

  /** Dumps every day except a 3-day hole; the dump of day 2 is corrupt. */
  static final class Catalog implements BackupCatalog {
    final AtomicInteger listed = new AtomicInteger();
    final List<Backup> backups = new ArrayList<>();

    Catalog() {
      for (int d : new int[] {12, 11, 10, 9, 8, 4, 3, 2, 1}) {
        backups.add(new Backup(new Ref.S3Object("ledger-backups", "ledger-db/ledger.dump", "v" + d,
            String.format("%064x", d)), NOW.minus(Duration.ofDays(d)), "metadata phoenix-taken-at", 1000 + d));
      }
    }

    @Override
    public boolean handles(Datastore.Backups where) {
      return where instanceof Datastore.S3Dumps;
    }

    @Override
    public List<Backup> list(Datastore.Backups where) {
      listed.incrementAndGet();
      return backups;
    }

    @Override
    public Map<Ref, Finding> check(Collection<Backup> some, CheckOptions options) {
      Map<Ref, Finding> out = new LinkedHashMap<>();
      some.forEach(b -> out.put(b.object(), "v2".equals(b.dump().versionId())
          ? Finding.corrupt("sha256 differs from the recorded one") : Finding.ok("checksum matches")));
      return out;
    }
  }

  private GitRepository history() {
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack() + "datastores:\n  - name: ledger-db\n    engine: postgres\n"
        + "    image: app\n    backups: {s3: {bucket: ledger-backups, prefix: ledger-db/}}\n    rpo: 36h\n"
        + "    probe: {sql: select count(*) from entries, min: 1}\n");
    for (int i = 0; i < 6; i++) {
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod",
          Map.of("app", VerifierTest.img(i), "worker", VerifierTest.img(100 + i)), "", ""));
      git.commit(NOW.minus(Duration.ofDays(30 - i * 4)), "revision " + i);
    }
    git.close();
    return GitRepository.open(dir);
  }

  @Test
  void theMergedReportOfThreeShardsEqualsTheUnshardedOneWithItsDatastore() throws Exception {
    VerifyRequest request = new VerifyRequest(List.of("prod"), false,
        VerifyWindow.between(NOW.minus(Duration.ofDays(10)), NOW, "since 10d"), false, 4, Duration.ofMinutes(1),
        Set.of(), false);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (GitRepository git = history()) {
      Catalog catalog = new Catalog();
      VerifyResult whole = new Verifier(git, List.of(new FakeChecker(r -> true)), ProgressListener.NONE, clock,
          ProtectionProbe.NONE, List.of(catalog)).verify(request);
      DataReport ledger = whole.environments().get(0).data().get(0);
      assertThat(ledger.gaps()).as("the hole of days 8 to 4 and the corrupt dump of day 2").isNotEmpty();
      assertThat(ledger.summary()).contains("prod ledger-db");

      String head = git.head().orElseThrow().id();
      List<ShardMerge.Part> parts = new ArrayList<>();
      int before = catalog.listed.get();
      for (int i = 2; i >= 0; i--) {
        ShardRun run = new Verifier(git, List.of(new FakeChecker(r -> true)), ProgressListener.NONE, clock,
            ProtectionProbe.NONE, List.of(catalog)).verifyShard(request, new Shard(i, 3), head);
        assertThat(run.data().isEmpty()).as("shard " + i + " carries data").isEqualTo(i != ShardRun.DATA_SHARD);
        String json = ShardJson.render(run);
        ShardRun back = ShardJson.read("shard-" + i + ".json", json);
        assertThat(back.data()).isEqualTo(run.data());
        parts.add(new ShardMerge.Part("shard-" + i + ".json", back));
      }
      assertThat(catalog.listed.get() - before).as("the backups listed once over all shards").isEqualTo(1);

      VerifyResult merged = ShardMerge.merge(git, parts);
      assertThat(merged.environments().get(0).data()).isEqualTo(whole.environments().get(0).data());
      assertThat(comparable(JsonReport.render(merged))).isEqualTo(comparable(JsonReport.render(whole)));
      assertThat(JsonReport.render(merged)).contains("ledger-db");
    }
  }

  /** The report without what differs between runs by nature (timings). */
  private static JsonNode comparable(String json) throws Exception {
    JsonNode tree = Json.mapper().readTree(json);
    strip(tree);
    return tree;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(List.of("durationMs", "readingMs", "checkingMs", "elapsed", "reading", "checking"));
      o.forEach(ShardDataTest::strip);
    } else if (node.isArray()) {
      node.forEach(ShardDataTest::strip);
    }
  }
}
