package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.model.Digest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic: hand-built revisions and findings → revision statuses, merged intervals, summary line. */
class AssessmentTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final VerifyWindow WINDOW = VerifyWindow.between(Instant.parse("2026-08-28T00:00:00Z"), NOW, "since 90d", true);
  static final Ref API1 = image("payments/api", 'a');
  static final Ref API2 = image("payments/api", 'b');
  static final Ref LEDGER = image("payments/ledger", 'c');
  static final Ref KEY = new Ref.Secret("prod/payments/api-key", "v-1");

  final Map<Ref, Finding> findings = new HashMap<>(Map.of(
      API1, Finding.ok(), API2, Finding.ok(), LEDGER, Finding.ok(), KEY, Finding.ok()));

  static Ref image(String repo, char c) {
    return new Ref.Image("registry.example.com", repo, new Digest("sha256", String.valueOf(c).repeat(64)));
  }

  static EnvRevision rev(String id, String at, String until, Ref... refs) {
    Map<Ref, List<String>> map = new LinkedHashMap<>();
    for (Ref r : refs) {
      map.put(r, List.of(r == KEY ? "config payments-api.API_KEY" : r == LEDGER ? "ledger-worker" : "payments-api"));
    }
    return new EnvRevision("prod", new CommitInfo(id.repeat(40).substring(0, 40), Instant.parse(at), "a", "s"),
        until == null ? null : Instant.parse(until), map, List.of());
  }

  @Test
  void allOkInAWindowIsRestorableAtEveryPoint() {
    List<EnvRevision> revs = List.of(
        rev("1", "2026-08-01T09:00:00Z", "2026-09-10T10:00:00Z", API1, KEY),
        rev("2", "2026-09-10T10:00:00Z", null, API2, KEY));
    EnvReport r = Assessment.of("prod", WINDOW, revs, findings, NOW);
    assertThat(r.intervals()).hasSize(1);
    assertThat(r.intervals().get(0).from()).isEqualTo(WINDOW.from()); // clipped to the window
    assertThat(r.intervals().get(0).to()).isNull();
    assertThat(r.summary()).isEqualTo("prod: restorable at every point since 2026-08-28 00:00 (2 revisions)");
    assertThat(r.references()).extracting(RefUse::ref).containsExactly(API1, KEY, API2);
  }

  @Test
  void adjacentBrokenRevisionsMergeIntoOneNamedInterval() {
    findings.put(API2, Finding.missing("manifest unknown"));
    List<EnvRevision> revs = List.of(
        rev("1", "2026-08-01T09:00:00Z", "2026-10-03T10:12:00Z", API1),
        rev("2", "2026-10-03T10:12:00Z", "2026-10-04T08:00:00Z", API2),
        rev("3", "2026-10-04T08:00:00Z", "2026-10-05T16:40:00Z", API2, LEDGER),
        rev("4", "2026-10-05T16:40:00Z", null, API1, LEDGER));
    EnvReport r = Assessment.of("prod", WINDOW, revs, findings, NOW);
    assertThat(r.revisions()).extracting(RevisionResult::status).containsExactly(
        RevisionStatus.OK, RevisionStatus.MISSING, RevisionStatus.MISSING, RevisionStatus.OK);
    assertThat(r.intervals()).extracting(Interval::kind).containsExactly(
        Interval.Kind.RESTORABLE, Interval.Kind.NOT_RESTORABLE, Interval.Kind.RESTORABLE);
    assertThat(r.summary()).isEqualTo("prod: restorable at every point since 2026-08-28 00:00 except "
        + "2026-10-03 10:12 → 2026-10-05 16:40 (payments-api registry.example.com/payments/api@sha256:bbbbbbbbbbbb… MISSING)");
    assertThat(r.worst()).isEqualTo(RevisionStatus.MISSING);
  }

  @Test
  void brokenUntilNowAndUnknownStretchesAreNamedSeparately() {
    findings.put(API2, Finding.corrupt("digest mismatch"));
    findings.put(KEY, Finding.unknown("connection refused"));
    List<EnvRevision> revs = List.of(
        rev("1", "2026-09-01T00:00:00Z", "2026-09-15T06:30:00Z", API1),
        rev("2", "2026-09-15T06:30:00Z", "2026-10-01T00:00:00Z", API1, KEY),
        rev("3", "2026-10-01T00:00:00Z", null, API2, KEY));
    EnvReport r = Assessment.of("prod", WINDOW, revs, findings, NOW);
    assertThat(r.revisions()).extracting(RevisionResult::status)
        .containsExactly(RevisionStatus.OK, RevisionStatus.UNKNOWN, RevisionStatus.CORRUPT);
    assertThat(r.summary()).isEqualTo("prod: restorable at every point since 2026-09-01 00:00 except "
        + "unknown 2026-09-15 06:30 → 2026-10-01 00:00 (config payments-api.API_KEY secret:prod/payments/api-key@v-1"
        + " UNKNOWN: connection refused); 2026-10-01 00:00 → now "
        + "(payments-api registry.example.com/payments/api@sha256:bbbbbbbbbbbb… CORRUPT)");
  }

  @Test
  void nothingRestorableSaysSo() {
    findings.put(API1, Finding.missing("gone"));
    EnvReport r = Assessment.of("prod", WINDOW, List.of(rev("1", "2026-08-01T00:00:00Z", null, API1)), findings, NOW);
    assertThat(r.summary()).startsWith("prod: restorable at no point since 2026-08-28 00:00: 2026-08-28 00:00 → now (");
  }

  @Test
  void invalidLockfileIsNotRestorableAsWrittenAndAtRiskIsOnlyAWarning() {
    findings.put(LEDGER, Finding.atRisk("no retention label"));
    EnvRevision ok = rev("1", "2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z", LEDGER);
    EnvRevision bad = new EnvRevision("prod", new CommitInfo("2".repeat(40), Instant.parse("2026-09-02T00:00:00Z"),
        "a", "s"), null, Map.of(), List.of(Problem.at("environments/prod/environment.lock.yaml", 4, "stacks is empty", null)));
    EnvReport r = Assessment.of("prod", WINDOW, List.of(ok, bad), findings, NOW);
    assertThat(r.revisions()).extracting(RevisionResult::status)
        .containsExactly(RevisionStatus.AT_RISK, RevisionStatus.INVALID);
    assertThat(r.summary()).isEqualTo("prod: restorable at every point since 2026-09-01 00:00 except "
        + "2026-09-02 00:00 → now (lockfile at 2222222 fails validation: stacks is empty); warning: 1 reference AT_RISK");
  }

  @Test
  void headOnlyRunsSayRestorableNow() {
    VerifyWindow head = VerifyWindow.head();
    EnvRevision r = rev("9f3c2ab", "2026-11-20T00:00:00Z", null, API1);
    assertThat(Assessment.of("prod", head, List.of(r), findings, NOW).summary())
        .isEqualTo("prod: restorable now (HEAD 9f3c2ab)");
    findings.put(API1, Finding.missing("manifest unknown"));
    assertThat(Assessment.of("prod", head, List.of(r), findings, NOW).summary())
        .isEqualTo("prod: NOT restorable now (HEAD 9f3c2ab): payments-api registry.example.com/payments/api@sha256:aaaaaaaaaaaa… MISSING");
  }

  @Test
  void aWindowEndingInThePastClipsTheLastRevision() {
    VerifyWindow past = VerifyWindow.between(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-30T00:00:00Z"), "x");
    EnvReport r = Assessment.of("prod", past, List.of(rev("1", "2026-08-01T00:00:00Z", null, API1)), findings, NOW);
    assertThat(r.intervals().get(0).to()).isEqualTo(Instant.parse("2026-09-30T00:00:00Z"));
  }

  @Test
  void outcomeFollowsTheWorstRevisionAndStrictTurnsAtRiskIntoFailure() {
    findings.put(LEDGER, Finding.atRisk("deprecated"));
    EnvReport r = Assessment.of("prod", WINDOW, List.of(rev("1", "2026-09-01T00:00:00Z", null, LEDGER)), findings, NOW);
    VerifyResult.Stats stats = new VerifyResult.Stats(1, 1, 1, Map.of(), java.time.Duration.ZERO,
        java.time.Duration.ZERO, java.time.Duration.ZERO);
    assertThat(new VerifyResult(List.of(r), WINDOW, stats, false, false, NOW).outcome()).isEqualTo(Verdict.OK);
    assertThat(new VerifyResult(List.of(r), WINDOW, stats, false, true, NOW).outcome()).isEqualTo(Verdict.BROKEN);
    findings.put(LEDGER, Finding.unknown("timeout"));
    EnvReport u = Assessment.of("prod", WINDOW, List.of(rev("1", "2026-09-01T00:00:00Z", null, LEDGER)), findings, NOW);
    assertThat(new VerifyResult(List.of(u), WINDOW, stats, false, true, NOW).outcome()).isEqualTo(Verdict.UNKNOWN);
  }
}
