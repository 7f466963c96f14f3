package dev.phoenix.verify;

import dev.phoenix.check.Backup;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.Durations;
import dev.phoenix.model.Datastore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure logic: a datastore's backups and their findings over a window → the stretches where a
 * restore would lose more than the RPO → the summary line. A moment t is covered when the newest
 * intact (OK or AT_RISK) backup taken at or before t is younger than the RPO at t.
 */
public final class DataCoverage {
  private DataCoverage() {}

  /** {@code to} null: the window runs until {@code now}. */
  public static DataReport of(String environment, Datastore d, List<Backup> backups, Map<Ref, Finding> findings,
      Instant from, Instant to, Instant now) {
    Instant end = to == null ? now : to;
    List<DataReport.Checked> checked = new ArrayList<>();
    List<Backup> intact = new ArrayList<>();
    boolean unknown = false;
    for (Backup b : backups.stream().sorted(Backup.BY_TIME).toList()) {
      Finding f = findings.getOrDefault(b.object(), Finding.unknown("not checked"));
      checked.add(new DataReport.Checked(b, f));
      if (f.status() == Status.OK || f.status() == Status.AT_RISK) {
        intact.add(b);
      }
    }
    List<DataReport.Gap> gaps = new ArrayList<>();
    // walk the intact backups: before each one (and after the last) a stretch may be uncovered
    Instant coveredUntil = null; // end of cover of the newest intact backup so far
    Backup previous = null;
    List<Instant> changes = new ArrayList<>();
    intact.forEach(b -> changes.add(b.takenAt()));
    changes.add(end);
    for (int i = 0; i < changes.size(); i++) {
      Instant next = changes.get(i); // the next backup's time (or the window's end)
      Instant gapFrom = previous == null ? from : max(from, coveredUntil);
      Instant gapTo = min(next, end);
      if (gapFrom.isBefore(gapTo)) {
        List<DataReport.Checked> broken = brokenBetween(checked, previous == null ? null : previous.takenAt(), gapTo);
        boolean anyUnknown = broken.stream().anyMatch(c -> c.finding().status() == Status.UNKNOWN);
        unknown |= anyUnknown;
        gaps.add(new DataReport.Gap(gapFrom, gapTo.equals(end) && to == null ? null : gapTo,
            previous == null ? null : Duration.between(previous.takenAt(), gapTo),
            anyUnknown && broken.stream().allMatch(c -> c.finding().status() == Status.UNKNOWN)
                ? RevisionStatus.UNKNOWN : worstBroken(broken), List.copyOf(broken)));
      }
      if (i < intact.size()) {
        previous = intact.get(i);
        coveredUntil = previous.takenAt().plus(d.rpo());
      }
    }
    RevisionStatus worst = RevisionStatus.OK;
    for (DataReport.Gap g : gaps) {
      worst = worst.worst(g.status());
    }
    // an intact backup still at risk (not mirrored to every mirror region): the datastore is too
    List<DataReport.Checked> risky = checked.stream().filter(c -> c.finding().status() == Status.AT_RISK).toList();
    String line = line(environment, d, from, gaps);
    if (!risky.isEmpty()) {
      worst = worst.worst(RevisionStatus.AT_RISK);
      line += "; AT_RISK: " + risky.size() + " backup" + (risky.size() == 1 ? "" : "s") + " "
          + risky.get(0).finding().reason();
    }
    String where = d.backups().describe();
    return new DataReport(environment, d.name(), where, d.rpo(), List.copyOf(checked), List.copyOf(gaps), worst,
        line);
  }

  /** A gap is MISSING (no backup) unless a backup in it is CORRUPT. */
  private static RevisionStatus worstBroken(List<DataReport.Checked> broken) {
    return broken.stream().anyMatch(c -> c.finding().status() == Status.CORRUPT) ? RevisionStatus.CORRUPT
        : RevisionStatus.MISSING;
  }

  /** Backups taken in (after, until] that are not intact: what would have closed the gap. */
  private static List<DataReport.Checked> brokenBetween(List<DataReport.Checked> all, Instant after, Instant until) {
    return all.stream().filter(c -> c.finding().status() != Status.OK && c.finding().status() != Status.AT_RISK)
        .filter(c -> (after == null || c.backup().takenAt().isAfter(after)) && !c.backup().takenAt().isAfter(until))
        .toList();
  }

  static String line(String env, Datastore d, Instant from, List<DataReport.Gap> gaps) {
    String head = env + " " + d.name() + ": ";
    String rpo = "RPO " + rpo(d.rpo());
    String since = "since " + Summary.time(from);
    if (gaps.isEmpty()) {
      return head + "restorable within " + rpo + " at every point " + since;
    }
    List<String> parts = new ArrayList<>();
    for (DataReport.Gap g : gaps) {
      StringBuilder s = new StringBuilder();
      if (g.status() == RevisionStatus.UNKNOWN) {
        s.append("unknown ");
      }
      s.append(Summary.time(g.from())).append(" → ").append(Summary.time(g.to())).append(" (");
      s.append(g.noBackupFor() == null ? "no backup before it" : "no backup for " + hours(g.noBackupFor()));
      for (DataReport.Checked c : g.broken()) {
        s.append("; ").append(c.backup().object().id()).append(" ").append(c.finding().status());
      }
      parts.add(s.append(")").toString());
    }
    boolean whole = gaps.size() == 1 && gaps.get(0).from().equals(from) && gaps.get(0).to() == null;
    return head + (whole ? "restorable within " + rpo + " at no point " + since + ": "
        : "restorable within " + rpo + " at every point " + since + " except ") + String.join("; ", parts);
  }

  /** "51 h" (hours, rounded down, as RPOs are counted); minutes when under an hour. */
  static String hours(Duration d) {
    long h = d.toHours();
    return h == 0 ? d.toMinutes() + " min" : h + " h";
  }

  /** An RPO in whole hours when it is some (24h, 48h), else as {@link Durations#format}. */
  public static String rpo(Duration rpo) {
    return rpo.toSeconds() % 3600 == 0 ? rpo.toHours() + "h" : Durations.format(rpo);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
