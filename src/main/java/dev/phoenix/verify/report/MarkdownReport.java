package dev.phoenix.verify.report;

import dev.phoenix.check.Status;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.Interval;
import dev.phoenix.verify.RefUse;
import dev.phoenix.verify.RevisionResult;
import dev.phoenix.verify.Summary;
import dev.phoenix.verify.VerifyResult;

/**
 * A readable report: per environment the summary, the intervals, and every reference not OK. The
 * summary and the intervals' "Why" are for people (digests shortened); the revision and reference
 * tables carry full commit ids and references, for a script that reads them.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(VerifyResult r) {
    StringBuilder b = new StringBuilder("# phoenix verify\n\n");
    b.append(TextReport.header(r)).append("\n\n");
    for (EnvReport e : r.environments()) {
      b.append("## ").append(cell(e.label())).append("\n\n");
      b.append("**").append(cell(e.summary())).append("**\n\n");
      e.data().forEach(d -> b.append("**").append(cell(d.summary())).append("**\n\n"));
      b.append("| From (UTC) | To (UTC) | Restorable | Revisions | Why |\n|---|---|---|---|---|\n");
      for (Interval i : e.intervals()) {
        b.append("| ").append(Summary.time(i.from())).append(" | ").append(Summary.time(i.to())).append(" | ")
            .append(label(i.kind())).append(" | ").append(i.revisions().size()).append(" | ")
            .append(cell(i.causes().stream().filter(u -> u.finding().status() != Status.OK)
                .limit(5).map(RefUse::headline).reduce((x, y) -> x + "; " + y).orElse(""))).append(" |\n");
      }
      b.append("\n| Revision | Committed (UTC) | In force until | Status | References |\n|---|---|---|---|---|\n");
      for (RevisionResult rr : e.revisions()) {
        b.append("| `").append(rr.revision().commit().id()).append("` | ")
            .append(Summary.time(rr.revision().from())).append(" | ").append(Summary.time(rr.revision().validUntil()))
            .append(" | ").append(rr.status()).append(" | ").append(rr.revision().refs().size()).append(" |\n");
      }
      long ok = e.references().stream().filter(u -> u.finding().status() == Status.OK).count();
      b.append("\n").append(ok).append(" of ").append(e.references().size()).append(" references OK.");
      if (ok < e.references().size()) {
        b.append("\n\n| Reference | Used by | Status | Reason | Revisions |\n|---|---|---|---|---|\n");
        for (RefUse u : e.references()) {
          if (u.finding().status() != Status.OK) {
            b.append("| `").append(cell(u.ref().id())).append("` | ").append(cell(String.join(", ", u.usages())))
                .append(" | ").append(u.finding().status()).append(" | ").append(cell(u.finding().reason()))
                .append(" | ").append(u.commits().size()).append(" |\n");
          }
        }
      }
      b.append("\n\n");
    }
    return b.toString();
  }

  private static String label(Interval.Kind k) {
    return switch (k) {
      case RESTORABLE -> "yes";
      case NOT_RESTORABLE -> "**NO**";
      case UNKNOWN -> "unknown";
    };
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
