package dev.phoenix.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.verify.report.ReportFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftResultTest {
  static final String C = "83d377b" + "0".repeat(33);
  static final String PINNED = "registry.example.com/payments/api@sha256:" + "a".repeat(64);
  static final String OTHER = "registry.example.com/payments/api@sha256:" + "b".repeat(64);

  static DriftResult result(LiveRevision live, DriftItem... items) {
    return new DriftResult("prod", "aws", "HEAD", C, "83d377b", Instant.parse("2026-11-03T09:12:00Z"), List.of(items),
        live, 14);
  }

  @Test
  void theHeadlineNamesTheLiveRevisionHowFarBehindAndWhatDrifted() {
    DriftResult r = result(new LiveRevision(C, "83d377b", Instant.parse("2026-11-02T16:40:00Z"), 2),
        new DriftItem(DriftItem.SERVICE, "payments-api", DriftStatus.DRIFTED, PINNED, OTHER, "another image"),
        DriftItem.match(DriftItem.FUNCTION, "statements", "sha256:" + "c".repeat(64)));
    assertThat(r.headline())
        .isEqualTo("prod runs the lockfile of 2026-11-02 16:40 UTC (83d377b), 2 revisions behind HEAD; payments-api drifted");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(result(null).headline()).isEqualTo("prod runs none of its last 14 lockfile revision(s)");
  }

  @Test
  void exitCodesAreZeroForAllMatchOneForDriftThreeForUnknownOnly() {
    DriftItem match = DriftItem.match(DriftItem.SERVICE, "a", PINNED);
    DriftItem unknown = new DriftItem(DriftItem.SERVICE, "b", DriftStatus.UNKNOWN, PINNED, null, "config unreadable");
    DriftItem unmanaged = new DriftItem(DriftItem.SERVICE, "c", DriftStatus.UNMANAGED, null, OTHER, "extra");
    assertThat(result(null, match).exitCode()).isZero();
    assertThat(result(null, match, unknown).exitCode()).isEqualTo(3);
    assertThat(result(null, match, unknown, unmanaged).exitCode()).isEqualTo(1);
    assertThat(result(null, match, unknown, unmanaged).verdict()).isEqualTo("DRIFT");
  }

  @Test
  void jsonCarriesEveryItemInFullWithSummaryAndLiveRevisionAndJunitCountsFailures() {
    DriftResult r = result(null,
        new DriftItem(DriftItem.SERVICE, "payments-api", DriftStatus.DRIFTED, PINNED, OTHER, "another image"),
        new DriftItem(DriftItem.SERVICE, "b", DriftStatus.UNKNOWN, PINNED, null, "config unreadable"),
        DriftItem.match(DriftItem.SERVICE, "c", PINNED));
    Map<String, Object> json = DriftReports.json(r);
    @SuppressWarnings("unchecked")
    Map<String, Object> env = ((List<Map<String, Object>>) json.get("environments")).get(0);
    assertThat(env.get("live")).isNull();
    assertThat(env.get("verdict")).isEqualTo("DRIFT");
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) env.get("summary");
    assertThat(summary).containsEntry("DRIFTED", 1).containsEntry("UNKNOWN", 1).containsEntry("MATCH", 1)
        .containsEntry("total", 3);
    assertThat(DriftReports.render(ReportFormat.JSON, r)).contains(OTHER).contains("\"compared\"");
    String junit = DriftReports.render(ReportFormat.JUNIT, r);
    assertThat(junit).contains("tests=\"3\" failures=\"1\" errors=\"1\"").contains(PINNED).contains(OTHER);
    assertThat(DriftReports.render(ReportFormat.MARKDOWN, r)).contains("| DRIFTED | service | payments-api | `" + PINNED);
  }

  @Test
  void secretArnsAreMatchedByNameOrArnAndTheirVersionIdRead() {
    String arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:prod/api-key-AbCdEf";
    assertThat(SecretArns.names(arn + "::AWSCURRENT:v-1", "prod/api-key")).isTrue();
    assertThat(SecretArns.names(arn, arn)).isTrue();
    assertThat(SecretArns.names(arn, "prod/api")).isFalse();
    assertThat(SecretArns.names("arn:aws:ssm:eu-west-2:1:parameter/prod/api-key", "prod/api-key")).isFalse();
    assertThat(SecretArns.versionId(arn + "::AWSCURRENT:v-1")).isEqualTo("v-1");
    assertThat(SecretArns.versionId(arn + ":password::")).isNull();
    assertThat(SecretArns.versionId(arn)).isNull();
  }
}
