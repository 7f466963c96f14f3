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

  /**
   * Revisions holding none, one or several broken references among many (the lookup by the broken
   * ones and the full pass), and equal references that are not one instance: each revision's status
   * and broken list, and each reference's commits and users, are what going through every reference
   * of every revision gives.
   */
  @Test
  void revisionResultsAndUsesMatchAFullPassOverEveryReference() {
    java.util.Random random = new java.util.Random(14);
    List<Ref> pool = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Ref ref = image("svc-" + i, (char) ('a' + i % 6));
      pool.add(ref);
      findings.put(ref, switch (i) {
        case 3 -> Finding.missing("gone");
        case 7 -> Finding.atRisk("no mark");
        case 11 -> Finding.corrupt("hashes to something else");
        case 19 -> Finding.unknown("timeout");
        default -> Finding.ok();
      });
    }
    List<EnvRevision> revs = new java.util.ArrayList<>();
    for (int n = 0; n < 40; n++) {
      Map<Ref, List<String>> refs = new LinkedHashMap<>();
      for (Ref ref : pool) {
        boolean ok = findings.get(ref).status() == dev.phoenix.check.Status.OK; // the last: fewer refs than broken ones
        if (n == 39 ? pool.indexOf(ref) < 4 : ok ? random.nextInt(4) != 0 : random.nextInt(3) == 0) {
          Ref.Image image = (Ref.Image) ref;
          Ref same = random.nextBoolean() ? ref : new Ref.Image(image.registry(), image.repository(), image.digest());
          refs.put(same, List.of(random.nextBoolean() ? "api" : "worker"));
        }
      }
      String day = String.format("2026-09-%02dT00:00:00Z", n % 28 + 1);
      revs.add(new EnvRevision("prod", new CommitInfo(String.format("%040d", n), Instant.parse(day), "a", "s"), null,
          refs, List.of()));
    }

    EnvReport report = Assessment.of("prod", WINDOW, revs, findings, NOW);

    Map<Ref, RefUse> byRef = new HashMap<>();
    report.references().forEach(u -> byRef.put(u.ref(), u));
    for (int n = 0; n < revs.size(); n++) {
      EnvRevision r = revs.get(n);
      RevisionStatus status = RevisionStatus.OK;
      List<RefUse> notOk = new java.util.ArrayList<>();
      for (Ref ref : r.refs().keySet()) {
        RefUse use = byRef.get(ref);
        if (use.finding().status() != dev.phoenix.check.Status.OK) {
          notOk.add(use);
          status = status.worst(RevisionStatus.of(use.finding().status()));
        }
      }
      notOk.sort(Assessment.WORST_FIRST);
      RevisionResult got = report.revisions().get(n);
      assertThat(got.status()).as("revision %d", n).isEqualTo(status);
      assertThat(got.notOk()).as("revision %d", n).containsExactlyElementsOf(notOk);
    }
    assertThat(report.revisions()).extracting(x -> x.notOk().size()).contains(0, 1, 2);
    for (Ref ref : pool) {
      List<String> commits = new java.util.ArrayList<>();
      java.util.Set<String> users = new java.util.LinkedHashSet<>();
      for (EnvRevision r : revs) {
        if (r.refs().containsKey(ref)) {
          commits.add(r.commit().id());
          users.addAll(r.refs().get(ref));
        }
      }
      assertThat(byRef.get(ref).commits()).as("commits of %s", ref).isEqualTo(commits);
      assertThat(byRef.get(ref).usages()).as("users of %s", ref).containsExactlyElementsOf(users);
    }
    assertThat(report.references()).hasSize(pool.size());
  }
}
