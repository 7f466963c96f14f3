package dev.phoenix.verify;

import dev.phoenix.check.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The line a person reads in ten seconds, per environment. Times are UTC, to the minute. */
public final class Summary {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final int SHOWN = 3;

  private Summary() {}

  public static String time(Instant t) {
    return t == null ? "now" : TIME.format(t);
  }

  static String line(String env, VerifyWindow window, List<RevisionResult> results, List<Interval> intervals) {
    if (results.isEmpty()) {
      return env + ": no lockfile revision was in force in the window";
    }
    if (window.headOnly()) {
      RevisionResult r = results.get(0);
      String head = "(HEAD " + r.revision().commit().shortId() + ")";
      Interval i = intervals.get(0);
      return switch (i.kind()) {
        case RESTORABLE -> env + ": restorable now " + head + warnings(results);
        case NOT_RESTORABLE -> env + ": NOT restorable now " + head + ": " + causes(i) + dated(results);
        case UNKNOWN -> env + ": unknown whether restorable now " + head + ": " + causes(i) + dated(results);
      };
    }
    String since = "since " + time(intervals.get(0).from());
    boolean anyRestorable = intervals.stream().anyMatch(i -> i.kind() == Interval.Kind.RESTORABLE);
    List<String> others = new ArrayList<>();
    for (Interval i : intervals) {
      if (i.kind() != Interval.Kind.RESTORABLE) {
        others.add((i.kind() == Interval.Kind.UNKNOWN ? "unknown " : "") + time(i.from()) + " → " + time(i.to())
            + " (" + causes(i) + ")");
      }
    }
    int n = results.size();
    String revisions = " (" + n + (n == 1 ? " revision" : " revisions") + ")";
    if (others.isEmpty()) {
      return env + ": restorable at every point " + since + revisions + warnings(results);
    }
    if (!anyRestorable) {
      return env + ": restorable at no point " + since + ": " + String.join("; ", others) + dated(results);
    }
    return env + ": restorable at every point " + since + " except " + String.join("; ", others) + warnings(results);
  }

  /** What makes an interval not restorable (or unknown), at most three named. */
  static String causes(Interval interval) {
    List<String> parts = new ArrayList<>();
    for (RevisionResult r : interval.revisions()) {
      if (r.status() == RevisionStatus.INVALID && !r.revision().problems().isEmpty()) {
        parts.add("lockfile at " + r.revision().commit().shortId() + " fails validation: "
            + r.revision().problems().get(0).message());
        break;
      }
    }
    boolean unknown = interval.kind() == Interval.Kind.UNKNOWN;
    List<RefUse> named = interval.causes().stream()
        .filter(u -> unknown ? u.finding().status() == Status.UNKNOWN : u.finding().status().breaksRestore())
        .toList();
    for (int i = 0; i < Math.min(SHOWN, named.size()); i++) {
      RefUse u = named.get(i);
      parts.add(u.headline() + (unknown ? ": " + u.finding().reason() : ""));
    }
    if (named.size() > SHOWN) {
      parts.add("and " + (named.size() - SHOWN) + " more");
    }
    return String.join(", ", parts);
  }

  private static String warnings(List<RevisionResult> results) {
    long atRisk = results.stream().flatMap(r -> r.notOk().stream())
        .filter(u -> u.finding().status() == Status.AT_RISK).map(RefUse::ref).distinct().count();
    return (atRisk == 0 ? "" : "; warning: " + atRisk + (atRisk == 1 ? " reference" : " references") + " AT_RISK")
        + dated(results);
  }

  /** Commits dated in the future: named, because history's times cannot be trusted around them. */
  private static String dated(List<RevisionResult> results) {
    List<String> future = results.stream().filter(r -> !r.revision().warnings().isEmpty())
        .map(r -> r.revision().commit().shortId() + " (" + time(r.revision().commit().committedAt()) + ")").toList();
    return future.isEmpty() ? "" : "; warning: dated in the future, counted as committed now: " + String.join(", ", future);
  }
}
