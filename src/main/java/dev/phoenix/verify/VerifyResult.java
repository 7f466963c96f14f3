package dev.phoenix.verify;

import dev.phoenix.check.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run found: per environment reports, counts, and the overall outcome. {@code
 * region}: the region whose copies were checked ({@code verify --region}), null for the references
 * as pinned.
 */
public record VerifyResult(
    List<EnvReport> environments, VerifyWindow window, Stats stats, boolean deep, boolean strict, Instant startedAt,
    String region) {

  /** The references as pinned (no --region). */
  public VerifyResult(
      List<EnvReport> environments, VerifyWindow window, Stats stats, boolean deep, boolean strict, Instant startedAt) {
    this(environments, window, stats, deep, strict, startedAt, null);
  }

  /**
   * {@code uses}: references counted per revision; {@code unique}: what was actually checked;
   * {@code reading}: finding and parsing the revisions; {@code checking}: asking the stores.
   */
  public record Stats(int revisions, int uses, int unique, Map<Status, Integer> byStatus, Duration elapsed,
      Duration reading, Duration checking) {
    public static Map<Status, Integer> count(Iterable<Status> statuses) {
      Map<Status, Integer> m = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        m.put(s, 0);
      }
      statuses.forEach(s -> m.merge(s, 1, Integer::sum));
      return m;
    }
  }

  public Verdict outcome() {
    RevisionStatus worst = RevisionStatus.OK;
    for (EnvReport e : environments) {
      worst = worst.worst(e.worst());
    }
    if (worst.breaksRestore() || strict && worst == RevisionStatus.AT_RISK) {
      return Verdict.BROKEN;
    }
    return worst == RevisionStatus.UNKNOWN ? Verdict.UNKNOWN : Verdict.OK;
  }
}
