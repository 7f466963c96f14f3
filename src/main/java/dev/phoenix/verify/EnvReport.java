package dev.phoenix.verify;

import java.util.List;

/**
 * One environment's verdict: its revisions oldest first, the merged intervals clipped to the
 * window, every reference it uses (with where), and the one-line summary. {@code region}: the region
 * whose copies were checked (verify --region), null for the references as pinned.
 */
public record EnvReport(
    String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
    List<RefUse> references, String summary, List<DataReport> data, String region) {

  public EnvReport {
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** In the primary region (no --region): {@code region} null. */
  public EnvReport(String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
      List<RefUse> references, String summary, List<DataReport> data) {
    this(environment, window, revisions, intervals, references, summary, data, null);
  }

  /** Without datastores. */
  public EnvReport(String environment, VerifyWindow window, List<RevisionResult> revisions, List<Interval> intervals,
      List<RefUse> references, String summary) {
    this(environment, window, revisions, intervals, references, summary, List.of());
  }

  /** The same report with each datastore's coverage beside the lockfile's. */
  public EnvReport withData(List<DataReport> data) {
    return new EnvReport(environment, window, revisions, intervals, references, summary, data, region);
  }

  /** The same report as checked in {@code region} (verify --region), with its summary line. */
  public EnvReport inRegion(String region, String summary) {
    return new EnvReport(environment, window, revisions, intervals, references, summary, data, region);
  }

  /** "prod", or "prod in eu-central-1" for a report of a region's copies. */
  public String label() {
    return region == null ? environment : environment + " in " + region;
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
