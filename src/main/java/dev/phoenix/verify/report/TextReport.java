package dev.phoenix.verify.report;

import dev.phoenix.check.Status;
import dev.phoenix.core.Durations;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.RefUse;
import dev.phoenix.verify.RevisionResult;
import dev.phoenix.verify.RevisionStatus;
import dev.phoenix.verify.Summary;
import dev.phoenix.verify.VerifyResult;
import java.util.stream.Collectors;

/** What {@code phoenix verify} prints on stdout for people: one summary line per environment, then details. */
public final class TextReport {
  private TextReport() {}

  public static String header(VerifyResult r) {
    String window = r.window().headOnly() ? "HEAD"
        : r.window().asked() + " (" + Summary.time(r.window().from()) + " → " + Summary.time(r.window().to()) + " UTC)";
    String counts = r.stats().byStatus().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return "verify " + window + ": " + r.environments().size() + " environment(s), " + r.stats().revisions()
        + " revision(s), " + r.stats().uses() + " references, " + r.stats().unique() + " unique checked"
        + (r.deep() ? " deeply" : "") + " in " + Durations.elapsed(r.stats().elapsed()) + " (reading history "
        + Durations.elapsed(r.stats().reading()) + ", checking " + Durations.elapsed(r.stats().checking()) + ")"
        + (counts.isEmpty() ? "" : ": " + counts);
  }

  public static String render(VerifyResult r) {
    StringBuilder b = new StringBuilder();
    for (EnvReport e : r.environments()) {
      b.append(e.summary()).append('\n');
      e.data().forEach(d -> b.append(d.summary()).append('\n'));
    }
    StringBuilder details = new StringBuilder();
    for (EnvReport e : r.environments()) {
      for (RevisionResult rr : e.revisions()) {
        rr.revision().warnings().forEach(w -> b.append("  warning: ").append(e.environment()).append(' ').append(w).append('\n'));
        if (rr.status() == RevisionStatus.INVALID) {
          details.append("  ").append(e.environment()).append(" lockfile at ").append(rr.revision().commit().shortId())
              .append(" (").append(Summary.time(rr.revision().from())).append(") fails validation, not restorable as written:\n");
          rr.revision().problems().forEach(p -> details.append("      ").append(p.render()).append('\n'));
        }
      }
      e.data().forEach(d -> d.backups().stream().filter(c -> c.finding().status() != Status.OK)
          .forEach(c -> details.append("  ").append(e.environment()).append(' ').append(d.datastore()).append(" backup ")
              .append(c.backup().object().id()).append(" (").append(Summary.time(c.backup().takenAt())).append(") ")
              .append(c.finding().status()).append(": ").append(c.finding().reason()).append('\n')));
      for (RefUse u : e.references()) {
        Status s = u.finding().status();
        if (s != Status.OK) {
          details.append("  ").append(e.label()).append(' ').append(u.headline()).append(": ")
              .append(u.finding().reason()).append(" (in ").append(u.commits().size()).append(" revision(s))\n");
        }
      }
    }
    if (details.length() > 0) {
      b.append("\nnot OK:\n").append(details);
    }
    b.append('\n').append(header(r)).append(" (times UTC)\n");
    return b.toString();
  }
}
