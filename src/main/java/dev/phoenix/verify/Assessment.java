package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    List<RevisionResult> results = new ArrayList<>();
    for (EnvRevision r : revisions) {
      results.add(result(r, uses));
    }
    List<Interval> intervals = intervals(window, results, now);
    String summary = Summary.line(environment, window, results, intervals);
    return new EnvReport(environment, window, results, intervals, List.copyOf(uses.values()), summary);
  }

  static RevisionResult result(EnvRevision r, Map<Ref, RefUse> uses) {
    RevisionStatus status = r.problems().isEmpty() ? RevisionStatus.OK : RevisionStatus.INVALID;
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

  /** One entry per reference used by any revision: usage names and commits merged. */
  static Map<Ref, RefUse> uses(List<EnvRevision> revisions, Map<Ref, Finding> findings) {
    Map<Ref, Set<String>> usages = new LinkedHashMap<>();
    Map<Ref, List<String>> commits = new LinkedHashMap<>();
    for (EnvRevision r : revisions) {
      r.refs().forEach((ref, names) -> {
        usages.computeIfAbsent(ref, k -> new LinkedHashSet<>()).addAll(names);
        commits.computeIfAbsent(ref, k -> new ArrayList<>()).add(r.commit().id());
      });
    }
    Map<Ref, RefUse> out = new LinkedHashMap<>();
    usages.forEach((ref, names) -> {
      Finding f = findings.getOrDefault(ref, Finding.unknown("not checked"));
      out.put(ref, new RefUse(ref, List.copyOf(names), f, List.copyOf(commits.get(ref))));
    });
    return out;
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
