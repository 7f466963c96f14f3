package dev.phoenix.verify.report;

import dev.phoenix.core.Durations;
import dev.phoenix.verify.DataReport;

import dev.phoenix.check.Status;
import dev.phoenix.core.Problem;
import dev.phoenix.page.Health;
import dev.phoenix.page.HtmlPage;
import dev.phoenix.page.Page;
import dev.phoenix.page.Restorability;
import dev.phoenix.page.Section;
import dev.phoenix.page.Timeline;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.Interval;
import dev.phoenix.verify.RefUse;
import dev.phoenix.verify.RevisionResult;
import dev.phoenix.verify.RevisionStatus;
import dev.phoenix.verify.Summary;
import dev.phoenix.verify.VerifyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The restorability page's picture of a verify run: per environment one timeline row whose bands
 * are verify's intervals, a restorable interval split where its revisions are AT_RISK (amber). The
 * {@code html:FILE} report renders it alone; {@code phoenix report} adds drills and drift.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(VerifyResult result) {
    return HtmlPage.render(page(result, "Phoenix verify: restorability", List.of()));
  }

  /** The page of {@code result} with {@code more} sections after the timelines. */
  public static Page page(VerifyResult result, String title, List<Section> more) {
    List<Section> sections = new ArrayList<>();
    sections.add(new Restorability(timelines(result)));
    sections.addAll(more);
    String window = result.window().headOnly() ? "HEAD only (the lockfile in force now)"
        : result.window().asked() + " (" + Summary.time(result.window().from()) + " → "
            + Summary.time(result.window().to()) + " UTC)";
    return new Page(title, now(result), window, result.outcome().name(), ExitCode.of(result.outcome()),
        headline(result), sections);
  }

  /** When the run ended: what "until now" means on the page. */
  static Instant now(VerifyResult result) {
    return result.startedAt().plus(result.stats().elapsed());
  }

  public static List<Timeline> timelines(VerifyResult result) {
    Instant now = now(result);
    List<Timeline> out = new ArrayList<>();
    for (EnvReport e : result.environments()) {
      List<Timeline.Band> bands = new ArrayList<>();
      e.intervals().forEach(i -> bands.addAll(bands(i)));
      Instant from = result.window().headOnly() ? (bands.isEmpty() ? now : bands.get(0).from()) : result.window().from();
      Instant to = result.window().headOnly() || result.window().untilNow() ? later(now, result.window().to())
          : result.window().to();
      List<Timeline.Row> rows = new ArrayList<>();
      rows.add(new Timeline.Row("lockfile", bands));
      e.data().forEach(d -> rows.add(dataRow(d, from, to)));
      out.add(new Timeline(e.label(), e.summary(), from, to, rows));
    }
    return out;
  }

  /**
   * One datastore's row: green where a restore loses no more than the RPO, red for each stretch
   * without an intact backup young enough (MISSING), grey where a backup could not be checked.
   */
  static Timeline.Row dataRow(DataReport d, Instant from, Instant to) {
    List<Timeline.Band> bands = new ArrayList<>();
    Instant cursor = from;
    List<DataReport.Gap> gaps = d.gaps().stream().sorted(java.util.Comparator.comparing(DataReport.Gap::from)).toList();
    for (DataReport.Gap g : gaps) {
      Instant start = g.from().isBefore(from) ? from : g.from();
      Instant end = g.to() == null || g.to().isAfter(to) ? to : g.to();
      if (!end.isAfter(start)) {
        continue;
      }
      if (start.isAfter(cursor)) {
        bands.add(new Timeline.Band(cursor, start, Health.RESTORABLE, List.of(), List.of()));
      }
      List<Timeline.Cause> causes = new ArrayList<>();
      causes.add(new Timeline.Cause(d.where(), List.of(d.datastore()), g.status().name(), g.noBackupFor() == null
          ? "no intact backup before this stretch" : "no backup for " + Durations.span(g.noBackupFor())
              + " (RPO " + Durations.span(d.rpo()) + ")"));
      g.broken().forEach(b -> causes.add(new Timeline.Cause(b.backup().object().id(), List.of(d.datastore()),
          b.finding().status().name(), b.finding().reason())));
      bands.add(new Timeline.Band(start, end, g.status() == RevisionStatus.MISSING ? Health.NOT_RESTORABLE
          : Health.UNKNOWN, List.of(), causes));
      cursor = end;
    }
    if (cursor.isBefore(to)) {
      bands.add(new Timeline.Band(cursor, to, Health.RESTORABLE, List.of(), List.of()));
    }
    return new Timeline.Row("data " + d.datastore() + " (RPO " + Durations.span(d.rpo()) + ")", bands);
  }

  private static Instant later(Instant a, Instant b) {
    return b == null || a.isAfter(b) ? a : b;
  }

  /**
   * The bands of one interval: NOT_RESTORABLE and UNKNOWN intervals are one band each; a
   * RESTORABLE one is split into runs of OK (green) and AT_RISK (amber) revisions.
   */
  static List<Timeline.Band> bands(Interval interval) {
    if (interval.kind() != Interval.Kind.RESTORABLE) {
      Health health = interval.kind() == Interval.Kind.NOT_RESTORABLE ? Health.NOT_RESTORABLE : Health.UNKNOWN;
      return List.of(new Timeline.Band(interval.from(), interval.to(), health, revisions(interval.revisions()),
          causes(interval.revisions())));
    }
    List<Timeline.Band> out = new ArrayList<>();
    List<RevisionResult> run = new ArrayList<>();
    Instant start = interval.from();
    List<RevisionResult> all = interval.revisions();
    for (int i = 0; i < all.size(); i++) {
      RevisionResult r = all.get(i);
      if (!run.isEmpty() && health(r) != health(run.get(0))) {
        Instant end = r.revision().from();
        out.add(new Timeline.Band(start, end, health(run.get(0)), revisions(run), causes(run)));
        run = new ArrayList<>();
        start = end;
      }
      run.add(r);
    }
    out.add(new Timeline.Band(start, interval.to(), health(run.get(0)), revisions(run), causes(run)));
    return out;
  }

  private static Health health(RevisionResult r) {
    return r.status() == RevisionStatus.AT_RISK ? Health.AT_RISK : Health.RESTORABLE;
  }

  private static List<Timeline.Moment> revisions(List<RevisionResult> results) {
    return results.stream().map(r -> new Timeline.Moment(r.revision().commit().id(), r.revision().commit().committedAt(),
        r.revision().commit().subject(), r.status().name())).toList();
  }

  /** Invalid lockfiles first (each problem, with its file and line), then every reference not OK, worst first. */
  private static List<Timeline.Cause> causes(List<RevisionResult> results) {
    List<Timeline.Cause> out = new ArrayList<>();
    for (RevisionResult r : results) {
      for (Problem p : r.revision().problems()) {
        out.add(new Timeline.Cause("lockfile at " + r.revision().commit().id(), List.of(), RevisionStatus.INVALID.name(),
            p.render()));
      }
    }
    Set<RefUse> refs = new LinkedHashSet<>();
    results.forEach(r -> refs.addAll(r.notOk()));
    refs.stream().sorted(java.util.Comparator.comparing((RefUse u) -> u.finding().status()).reversed()
            .thenComparing(u -> u.ref().id()))
        .forEach(u -> out.add(new Timeline.Cause(u.ref().id(), u.usages(), u.finding().status().name(),
            u.finding().reason())));
    return out;
  }

  static String headline(VerifyResult result) {
    int envs = result.environments().size();
    List<String> broken = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (EnvReport e : result.environments()) {
      long bad = e.intervals().stream().filter(i -> i.kind() == Interval.Kind.NOT_RESTORABLE).count();
      long unk = e.intervals().stream().filter(i -> i.kind() == Interval.Kind.UNKNOWN).count();
      if (bad > 0) {
        broken.add(e.environment() + " (" + bad + (bad == 1 ? " stretch" : " stretches") + ")");
      }
      if (unk > 0) {
        unknown.add(e.environment());
      }
    }
    long atRisk = result.environments().stream().flatMap(e -> e.references().stream())
        .filter(u -> u.finding().status() == Status.AT_RISK).map(u -> u.ref().id()).distinct().count();
    String risk = atRisk == 0 ? "" : "; " + atRisk + (atRisk == 1 ? " reference is" : " references are")
        + " at risk of deletion";
    return switch (result.outcome()) {
      case OK -> "Restorable at every point of the window in " + (envs == 1 ? "the one environment" : "all " + envs
          + " environments") + risk + ".";
      case BROKEN -> broken.isEmpty() ? "Failed under --strict: references at risk of deletion" + risk + "."
          : "NOT restorable at every point: " + String.join(", ", broken) + " cannot be rebuilt" + risk + ".";
      case UNKNOWN -> "Nothing is missing, but not everything could be checked: " + String.join(", ", unknown)
          + (unknown.size() == 1 ? " has" : " have") + " stretches whose restorability is unknown" + risk + ".";
    };
  }
}
