package dev.phoenix.verify;

import java.util.List;

/**
 * One environment's verdict: its revisions oldest first, the merged intervals clipped to the
 * window, every reference it uses (with where), and the one-line summary.
 */
public record EnvReport(
    String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
    List<RefUse> references, String summary, List<DataReport> data) {

  public EnvReport {
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** Without datastores. */
  public EnvReport(String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
      List<RefUse> references, String summary) {
    this(environment, window, revisions, intervals, references, summary, List.of());
  }

  /** The same report with each datastore's coverage beside the lockfile's. */
  public EnvReport withData(List<DataReport> data) {
    return new EnvReport(environment, window, revisions, intervals, references, summary, data);
  }

  /** Worst revision status, and worst datastore coverage; OK when there are none. */
  public RevisionStatus worst() {
    RevisionStatus w = RevisionStatus.OK;
    for (RevisionResult r : revisions) {
      w = w.worst(r.status());
    }
    for (DataReport d : data) {
      w = w.worst(d.worst());
    }
    return w;
  }
}
