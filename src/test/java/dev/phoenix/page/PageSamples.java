package dev.phoenix.page;

import java.time.Instant;
import java.util.List;

/** Hand-built pages for the renderer's tests, with hostile text wherever a name or reason can go. */
final class PageSamples {
  static final String HOSTILE = "<script>alert(\"pwned\")</script>'&\u0007\"><img src=x onerror=alert(1)>";
  static final Instant FROM = Instant.parse("2026-08-28T09:00:00Z");
  static final Instant TO = Instant.parse("2026-11-26T09:00:00Z");
  static final String MISSING_REF = "registry.example.com/payments/api@sha256:" + "ab".repeat(32);
  static final String RISK_REF = "s3://lambda-packages/ledger.zip?versionId=" + "Q".repeat(32);

  private PageSamples() {}

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static Timeline.Moment rev(char c, String at, String status) {
    return new Timeline.Moment(String.valueOf(c).repeat(40), Instant.parse(at), "subject " + HOSTILE, status);
  }

  /** Five bands: green, red (a missing image), green, amber (an S3 package at risk), grey until now. */
  static Timeline timeline(String env) {
    List<Timeline.Band> bands = List.of(
        new Timeline.Band(FROM, at("2026-10-03T10:12:00Z"), Health.RESTORABLE,
            List.of(rev('1', "2026-08-01T00:00:00Z", "OK"), rev('2', "2026-09-10T00:00:00Z", "OK")), List.of()),
        new Timeline.Band(at("2026-10-03T10:12:00Z"), at("2026-10-05T16:40:00Z"), Health.NOT_RESTORABLE,
            List.of(rev('3', "2026-10-03T10:12:00Z", "MISSING")),
            List.of(new Timeline.Cause(MISSING_REF, List.of("payments-api", HOSTILE), "MISSING", "manifest unknown " + HOSTILE))),
        new Timeline.Band(at("2026-10-05T16:40:00Z"), at("2026-10-20T08:00:00Z"), Health.RESTORABLE,
            List.of(rev('4', "2026-10-05T16:40:00Z", "OK")), List.of()),
        new Timeline.Band(at("2026-10-20T08:00:00Z"), at("2026-11-01T00:00:00Z"), Health.AT_RISK,
            List.of(rev('5', "2026-10-20T08:00:00Z", "AT_RISK")),
            List.of(new Timeline.Cause(RISK_REF, List.of("ledger-worker"), "AT_RISK", "no phoenix protect mark"))),
        new Timeline.Band(at("2026-11-01T00:00:00Z"), null, Health.UNKNOWN,
            List.of(rev('6', "2026-11-01T00:00:00Z", "UNKNOWN")),
            List.of(new Timeline.Cause("lockfile at " + "6".repeat(40), List.of(), "UNKNOWN", "connection refused"))));
    return new Timeline(env, env + ": restorable at every point except …", FROM, TO,
        List.of(new Timeline.Row("lockfile", bands)));
  }

  static DrillHistory.Drill drill(String id, String at, String outcome, long millis) {
    return new DrillHistory.Drill(id, Instant.parse(at), "apply", outcome, millis, "c".repeat(40), "2026-10-20",
        outcome.equals("succeeded") ? null : "engine apply failed: " + HOSTILE);
  }

  static DrillHistory drills(String env) {
    return new DrillHistory(List.of(new DrillHistory.Series(env, "local", List.of(
        drill("00000001", "2026-09-01T10:00:00Z", "succeeded", 40_000),
        drill("00000002", "2026-09-08T10:00:00Z", "succeeded", 44_000),
        drill("00000003", "2026-09-15T10:00:00Z", "failed", 12_500),
        drill("00000004", "2026-09-22T10:00:00Z", "succeeded", 48_000),
        drill("00000005", "2026-09-29T10:00:00Z", "planned", 9_000),
        drill("00000006", "2026-10-06T10:00:00Z", "succeeded", 52_000),
        drill("00000007", "2026-10-13T10:00:00Z", "succeeded", 56_000),
        drill("00000008", "2026-10-20T10:00:00Z", "succeeded", 60_000)))),
        List.of("note " + HOSTILE));
  }

  static DriftView drift(String env) {
    return new DriftView(List.of(new DriftView.Environment(env, "out/drift-" + HOSTILE + ".json", "2026-11-26T08:00:00Z",
        env + " runs the lockfile of 2026-11-02 16:40 (83d377b); " + HOSTILE + " drifted", List.of(
            new DriftView.Item("payments-api", "MATCH", MISSING_REF, MISSING_REF),
            new DriftView.Item(HOSTILE, "DRIFTED", MISSING_REF, "registry.example.com/payments/api@sha256:" + "cd".repeat(32)),
            new DriftView.Item("web", "NOT_RUNNING", MISSING_REF, null)))), List.of());
  }

  static Page page(String env) {
    return new Page("Phoenix restorability: " + env, TO, "since 90d", "BROKEN", 1, "NOT restorable: " + HOSTILE,
        List.of(new Restorability(List.of(timeline(env), timeline("staging"))), drills(env), drift(env)));
  }
}
