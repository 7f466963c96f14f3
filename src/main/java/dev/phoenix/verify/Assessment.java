package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure logic: findings per reference → status per revision → restorable intervals → summary. */
public final class Assessment {
  private Assessment() {}

  /** {@code revisions} oldest first; {@code now} closes the last interval. */
  public static EnvReport of(String environment, VerifyWindow window, List<EnvRevision> revisions,
      Map<Ref, Finding> findings, Instant now) {
    Map<Ref, RefUse> uses = uses(revisions, findings);
    Map<Ref, RefUse> notOk = new HashMap<>();
    uses.forEach((ref, use) -> {
      if (use.finding().status() != Status.OK) {
        notOk.put(ref, use);
      }
    });
    List<RevisionResult> results = new ArrayList<>();
    for (EnvRevision r : revisions) {
      results.add(result(r, uses, notOk));
    }
    List<Interval> intervals = intervals(window, results, now);
    String summary = Summary.line(environment, window, results, intervals);
    return new EnvReport(environment, window, results, intervals, List.copyOf(uses.values()), summary);
  }

  /**
   * {@code notOk}: the uses whose finding is not OK. A year of a healthy estate has few or none, so
   * a revision is first looked up by them (none of its references among them: OK without a look at
   * each of its thousand references); only a revision holding two or more is gone through in full.
   */
  static RevisionResult result(EnvRevision r, Map<Ref, RefUse> uses, Map<Ref, RefUse> notOkUses) {
    RevisionStatus status = r.problems().isEmpty() ? RevisionStatus.OK : RevisionStatus.INVALID;
    if (notOkUses.size() < r.refs().size()) {
      RefUse only = null;
      int found = 0;
      for (RefUse use : notOkUses.values()) {
        if (r.refs().containsKey(use.ref())) {
          only = use;
          if (++found > 1) {
            break;
          }
        }
      }
      if (found == 0) {
        return new RevisionResult(r, status, List.of());
      }
      if (found == 1) {
        return new RevisionResult(r, status.worst(RevisionStatus.of(only.finding().status())), List.of(only));
      }
    }
    List<RefUse> notOk = new ArrayList<>();
    for (Ref ref : r.refs().keySet()) {
      RefUse use = uses.get(ref);
      if (use.finding().status() != Status.OK) {
        notOk.add(use);
        status = status.worst(RevisionStatus.of(use.finding().status()));
      }
    }
    notOk.sort(WORST_FIRST);
    return new RevisionResult(r, status, List.copyOf(notOk));
  }

  static final Comparator<RefUse> WORST_FIRST =
      Comparator.comparing((RefUse u) -> u.finding().status()).reversed().thenComparing(u -> u.ref().describe());

  /**
   * One entry per reference used by any revision, in the order first used: usage names and commits
   * merged. Each use is found by the reference's instance first (the run's readings share one per
   * reference, {@link Canonical}), by value only for an instance not met before.
   */
  static Map<Ref, RefUse> uses(List<EnvRevision> revisions, Map<Ref, Finding> findings) {
    Map<Ref, Uses> byInstance = new IdentityHashMap<>();
    Map<Ref, Uses> byValue = new LinkedHashMap<>();
    for (EnvRevision r : revisions) {
      String commit = r.commit().id();
      r.refs().forEach((ref, names) -> {
        Uses u = byInstance.get(ref);
        if (u == null) {
          u = byValue.computeIfAbsent(ref, k -> new Uses());
          byInstance.put(ref, u);
        }
        u.add(names, commit);
      });
    }
    Map<Ref, RefUse> out = new LinkedHashMap<>();
    byValue.forEach((ref, u) -> {
      Finding f = findings.getOrDefault(ref, Finding.unknown("not checked"));
      out.put(ref, new RefUse(ref, List.copyOf(u.names), f, List.copyOf(u.commits)));
    });
    return out;
  }

  /** One reference's usage names and commits, as the revisions are gone through. */
  private static final class Uses {
    private final Set<String> names = new LinkedHashSet<>();
    private final List<String> commits = new ArrayList<>();
    private List<String> lastNames;

    void add(List<String> usedBy, String commit) {
      if (usedBy != lastNames) { // the same entry in the next revision: the same shared list
        names.addAll(usedBy);
        lastNames = usedBy;
      }
      commits.add(commit);
    }
  }

  /** Adjacent revisions of the same kind merge; each interval is clipped to the window. */
  static List<Interval> intervals(VerifyWindow window, List<RevisionResult> results, Instant now) {
    List<Interval> out = new ArrayList<>();
    for (RevisionResult r : results) {
      Instant from = r.revision().from();
      Instant to = r.revision().validUntil();
      if (!window.headOnly()) {
        from = from.isBefore(window.from()) ? window.from() : from;
        to = to != null && to.isAfter(window.to()) || to == null && !window.untilNow() ? window.to() : to;
      }
      Interval.Kind kind = Interval.Kind.of(r.status());
      Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.kind() == kind) {
        List<RevisionResult> revs = new ArrayList<>(last.revisions());
        revs.add(r);
        out.set(out.size() - 1, new Interval(last.from(), to, kind, List.copyOf(revs), causes(revs)));
      } else {
        out.add(new Interval(from, to, kind, List.of(r), causes(List.of(r))));
      }
    }
    return List.copyOf(out);
  }

  /** The distinct non-OK references of the revisions, worst first (for RESTORABLE: the AT_RISK ones). */
  private static List<RefUse> causes(List<RevisionResult> revisions) {
    Set<RefUse> set = new LinkedHashSet<>();
    revisions.forEach(r -> set.addAll(r.notOk()));
    List<RefUse> list = new ArrayList<>(set);
    list.sort(WORST_FIRST);
    return List.copyOf(list);
  }
}
