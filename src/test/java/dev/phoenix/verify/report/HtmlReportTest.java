package dev.phoenix.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.model.Digest;
import dev.phoenix.page.Health;
import dev.phoenix.page.Timeline;
import dev.phoenix.verify.Assessment;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.EnvRevision;
import dev.phoenix.verify.Interval;
import dev.phoenix.verify.VerifyResult;
import dev.phoenix.verify.VerifyWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verify's intervals become the page's bands: one per interval, a restorable one split where it is at risk. */
class HtmlReportTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final VerifyWindow WINDOW = VerifyWindow.since(Duration.ofDays(90), NOW, "90d");
  static final Ref API1 = image('a');
  static final Ref API2 = image('b');
  static final Ref PKG = new Ref.S3Object("pkgs", "ledger.zip", "v" + "Q".repeat(31), "e".repeat(64));

  static Ref image(char c) {
    return new Ref.Image("registry.example.com", "payments/api", new Digest("sha256", String.valueOf(c).repeat(64)));
  }

  static EnvRevision rev(char id, String at, String until, List<Problem> problems, Ref... refs) {
    Map<Ref, List<String>> map = new LinkedHashMap<>();
    for (Ref r : refs) {
      map.put(r, List.of(r == PKG ? "ledger" : "payments-api"));
    }
    return new EnvRevision("prod", new CommitInfo(String.valueOf(id).repeat(40), Instant.parse(at), "a", "subject " + id),
        until == null ? null : Instant.parse(until), map, problems);
  }

  static VerifyResult result(EnvReport... envs) {
    return new VerifyResult(List.of(envs), WINDOW, new VerifyResult.Stats(0, 0, 0, VerifyResult.Stats.count(List.of()),
        Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO), false, false, NOW.minusSeconds(2));
  }

  @Test
  void eachIntervalIsABandAndARestorableOneIsSplitWhereItIsAtRisk() {
    Map<Ref, Finding> findings = new HashMap<>(Map.of(API1, Finding.ok(), API2, Finding.missing("manifest unknown"),
        PKG, Finding.atRisk("no phoenix protect mark")));
    Problem bad = new Problem("environments/prod/environment.lock.yaml", 7, "artefacts.api.image has no digest", "pin it");
    List<EnvRevision> revs = List.of(
        rev('1', "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", List.of(), API1),
        rev('2', "2026-09-01T00:00:00Z", "2026-09-10T00:00:00Z", List.of(), API1, PKG),
        rev('3', "2026-09-10T00:00:00Z", "2026-09-20T00:00:00Z", List.of(), API1, PKG),
        rev('4', "2026-09-20T00:00:00Z", "2026-10-01T00:00:00Z", List.of(), API1),
        rev('5', "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z", List.of(), API2),
        rev('6', "2026-10-02T00:00:00Z", "2026-10-03T00:00:00Z", List.of(bad), API1),
        rev('7', "2026-10-03T00:00:00Z", null, List.of(), API1));
    EnvReport env = Assessment.of("prod", WINDOW, revs, findings, NOW);
    assertThat(env.intervals()).extracting(Interval::kind).containsExactly(Interval.Kind.RESTORABLE,
        Interval.Kind.NOT_RESTORABLE, Interval.Kind.RESTORABLE);

    Timeline t = HtmlReport.timelines(result(env)).get(0);
    List<Timeline.Band> bands = t.rows().get(0).bands();
    assertThat(bands).extracting(Timeline.Band::health).containsExactly(Health.RESTORABLE, Health.AT_RISK,
        Health.RESTORABLE, Health.NOT_RESTORABLE, Health.RESTORABLE);
    long red = bands.stream().filter(b -> b.health() == Health.NOT_RESTORABLE).count();
    assertThat(red).isEqualTo(env.intervals().stream().filter(i -> i.kind() == Interval.Kind.NOT_RESTORABLE).count());
    assertThat(bands).extracting(Timeline.Band::from).containsExactly(WINDOW.from(), Instant.parse("2026-09-01T00:00:00Z"),
        Instant.parse("2026-09-20T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-03T00:00:00Z"));
    for (int i = 0; i + 1 < bands.size(); i++) {
      assertThat(bands.get(i).to()).as("band %d ends where the next starts", i).isEqualTo(bands.get(i + 1).from());
    }
    assertThat(bands.get(4).to()).isNull();
    assertThat(bands.get(1).revisions()).extracting(Timeline.Moment::commit)
        .containsExactly("2".repeat(40), "3".repeat(40));
    assertThat(bands.get(1).causes()).extracting(Timeline.Cause::subject).containsExactly(PKG.id());
    // the red band names the missing image in full and the invalid lockfile with its file and line
    assertThat(bands.get(3).causes()).extracting(Timeline.Cause::subject)
        .containsExactly("lockfile at " + "6".repeat(40), API2.id());
    assertThat(bands.get(3).causes().get(0).reason()).contains("environments/prod/environment.lock.yaml:7");
    assertThat(bands.get(3).causes().get(1).reason()).isEqualTo("manifest unknown");
    assertThat(API2.id()).endsWith("b".repeat(64));
    assertThat(t.from()).isEqualTo(WINDOW.from());
    assertThat(t.to()).isEqualTo(NOW);
  }

  @Test
  void theHeadlineNamesWhatIsBrokenAndTheHtmlFormatIsAReportFormat() {
    Map<Ref, Finding> findings = Map.of(API1, Finding.ok(), API2, Finding.missing("manifest unknown"));
    EnvReport env = Assessment.of("prod", WINDOW, List.of(
        rev('1', "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", List.of(), API2),
        rev('2', "2026-10-01T00:00:00Z", null, List.of(), API1)), findings, NOW);
    VerifyResult r = result(env);
    assertThat(HtmlReport.headline(r)).isEqualTo("NOT restorable at every point: prod (1 stretch) cannot be rebuilt.");
    assertThat(ReportFormat.target("html:out/page.html").format()).isEqualTo(ReportFormat.HTML);
    String html = ReportFormat.HTML.render(r);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("class=\"band bad\"").contains(API2.id())
        .contains("Verdict BROKEN (exit code 1)");
    assertThat(Status.values()).hasSize(5);
  }

  @Test
  void aDatastoreIsARowOfItsOwnRedWhereNoBackupIsYoungEnough() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-10-10T00:00:00Z");
    Instant gapFrom = Instant.parse("2026-10-03T00:00:00Z");
    Instant gapTo = Instant.parse("2026-10-05T03:00:00Z");
    Ref.S3Object damaged = new Ref.S3Object("ledger-backups", "ledger-db/d.dump", "v2", null);
    dev.phoenix.check.Backup backup = new dev.phoenix.check.Backup(damaged, gapFrom.minusSeconds(3600), "s3", 10);
    dev.phoenix.verify.DataReport d = new dev.phoenix.verify.DataReport("prod", "ledger-db", "s3://ledger-backups/ledger-db/",
        Duration.ofHours(24), List.of(), List.of(new dev.phoenix.verify.DataReport.Gap(gapFrom, gapTo, Duration.ofHours(51),
            dev.phoenix.verify.RevisionStatus.MISSING,
            List.of(new dev.phoenix.verify.DataReport.Checked(backup, Finding.corrupt("sha256 differs"))))),
        dev.phoenix.verify.RevisionStatus.MISSING, "s");
    Timeline.Row row = HtmlReport.dataRow(d, from, to);
    assertThat(row.scope()).isEqualTo("data ledger-db (RPO 1d)");
    assertThat(row.bands()).extracting(Timeline.Band::from, Timeline.Band::to, Timeline.Band::health).containsExactly(
        org.assertj.core.groups.Tuple.tuple(from, gapFrom, Health.RESTORABLE),
        org.assertj.core.groups.Tuple.tuple(gapFrom, gapTo, Health.NOT_RESTORABLE),
        org.assertj.core.groups.Tuple.tuple(gapTo, to, Health.RESTORABLE));
    assertThat(row.bands().get(1).causes()).extracting(Timeline.Cause::subject, Timeline.Cause::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("s3://ledger-backups/ledger-db/", "no backup for 2d 3h (RPO 1d)"),
        org.assertj.core.groups.Tuple.tuple(damaged.id(), "sha256 differs"));
  }
}
