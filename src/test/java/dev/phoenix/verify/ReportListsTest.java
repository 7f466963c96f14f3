package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.check.Finding;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.JsonReport;
import dev.phoenix.verify.report.JunitReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a store is down every reference fails in every revision: the reports list at most
 * {@link JsonReport#LISTED} broken references per revision and commits per reference, with the
 * full counts, so they grow with the references, not with revisions × references.
 */
class ReportListsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  @TempDir Path dir;

  @Test
  void aDownStoreFailsEverythingAndTheReportsStillListEachBrokenReferenceOnceWithCounts() throws Exception {
    int revisions = 25;
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      for (int k = 0; k < revisions; k++) {
        // 21 images pinned all along, one new each day: 22 references per revision
        int[] images = IntStream.concat(IntStream.rangeClosed(1, 21), IntStream.of(100 + k)).toArray();
        git.put("environments/prod/environment.lock.yaml", VerifierTest.lock("prod", images));
        git.commit(NOW.minus(Duration.ofDays(revisions - k)), "day " + k);
      }
    }
    FakeChecker down = new FakeChecker(r -> true) {
      @Override
      public java.util.Map<dev.phoenix.check.Ref, Finding> check(java.util.Collection<dev.phoenix.check.Ref> refs,
          dev.phoenix.check.CheckOptions options) {
        refs.forEach(r -> answers.put(r, Finding.unknown("registry registry.example.com unreachable")));
        return super.check(refs, options);
      }
    };
    VerifyResult result;
    try (GitRepository git = GitRepository.open(dir)) {
      result = new Verifier(git, List.of(down), ProgressListener.NONE, Clock.fixed(NOW, ZoneOffset.UTC))
          .verify(new VerifyRequest(List.of("prod"), false, VerifyWindow.since(Duration.ofDays(90), NOW, "90d"), false,
              4, Duration.ofMinutes(1), Set.of(), false));
    }
    JsonNode prod = new ObjectMapper().readTree(JsonReport.render(result)).get("environments").get(0);
    assertThat(prod.get("revisions")).hasSize(revisions);
    for (JsonNode r : prod.get("revisions")) {
      assertThat(r.get("brokenCount").asInt()).isEqualTo(22);
      assertThat(r.get("broken")).hasSize(JsonReport.LISTED);
    }
    JsonNode refs = prod.get("references");
    assertThat(refs).hasSize(21 + revisions); // each broken reference once, in full
    JsonNode always = refs.get(0);
    assertThat(always.get("commitCount").asInt()).isEqualTo(revisions);
    assertThat(always.get("commits")).hasSize(JsonReport.LISTED);
    JsonNode once = refs.get(refs.size() - 1);
    assertThat(once.get("commitCount").asInt()).isEqualTo(1);
    assertThat(once.get("commits")).hasSize(1);

    String junit = JunitReport.render(result);
    assertThat(junit).contains("in " + revisions + " revision(s): ")
        .contains(" … and " + (revisions - JsonReport.LISTED) + " more");
  }
}
