package dev.phoenix.verify;

import java.util.List;

/**
 * One environment's verdict: its revisions oldest first, the merged intervals clipped to the
 * window, every reference it uses (with where), and the one-line summary.
 */
public record EnvReport(
    String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
    List<RefUse> references, String summary) {

  /** Worst revision status, OK when there are no revisions. */
  public RevisionStatus worst() {
    RevisionStatus w = RevisionStatus.OK;
    for (RevisionResult r : revisions) {
      w = w.worst(r.status());
    }
    return w;
  }
}
