package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.git.GitRepository;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.JsonReport;
import dev.phoenix.verify.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report is streamed, one environment built at a time, to stdout and to report files: the
 * same bytes as the documented tree written whole; a write that fails midway leaves the file as it was.
 */
class ReportStreamTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  @TempDir Path dir;

  private VerifyResult result() {
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      for (int k = 0; k < 6; k++) {
        git.put("environments/prod/environment.lock.yaml", VerifierTest.lock("prod", 1, 2, 10 + k));
        git.put("environments/staging/environment.lock.yaml", VerifierTest.lock("staging", 1, 20 + k));
        git.commit(NOW.minus(Duration.ofDays(6 - k)), "day " + k);
      }
    }
    FakeChecker mixed = new FakeChecker(r -> true) {
      @Override
      public java.util.Map<Ref, Finding> check(java.util.Collection<Ref> refs, dev.phoenix.check.CheckOptions options) {
        refs.forEach(r -> answers.put(r, r.id().contains("0000000000000001") || r.hashCode() % 3 == 0
            ? Finding.missing("manifest unknown (404)") : Finding.ok("present")));
        return super.check(refs, options);
      }
    };
    try (GitRepository git = GitRepository.open(repo)) {
      return new Verifier(git, List.of(mixed), ProgressListener.NONE, Clock.fixed(NOW, ZoneOffset.UTC))
          .verify(new VerifyRequest(List.of("prod", "staging"), false, VerifyWindow.since(Duration.ofDays(30), NOW, "30d"),
              false, 4, Duration.ofMinutes(1), Set.of(), false));
    }
  }

  @Test
  void theStreamedReportIsTheTreeWrittenWholeByteForByte() throws IOException {
    VerifyResult result = result();
    String whole = Json.write(JsonReport.tree(result)) + "\n";
    assertThat(whole).contains("\"staging\"").contains("MISSING").contains("\"OK\"");
    assertThat(JsonReport.render(result)).isEqualTo(whole);
    Path file = dir.resolve("out/verify.json");
    ReportFormat.target("json:" + file).write(result);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(whole);
  }

  @Test
  void aStreamedWriteThatFailsMidwayLeavesTheFileAsItWas() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "the night before");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(Files.readString(file)).isEqualTo("the night before");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }
}
