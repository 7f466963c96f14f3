package dev.phoenix.verify;

import dev.phoenix.check.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything one run found: per environment reports, counts, and the overall outcome. */
public record VerifyResult(
    List<EnvReport> environments, Window window, Stats stats, boolean deep, boolean strict, Instant startedAt) {

  /** {@code uses}: references counted per revision; {@code unique}: what was actually checked. */
  public record Stats(int revisions, int uses, int unique, Map<Status, Integer> byStatus, Duration elapsed) {
    public static Map<Status, Integer> count(Iterable<Status> statuses) {
      Map<Status, Integer> m = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        m.put(s, 0);
      }
      statuses.forEach(s -> m.merge(s, 1, Integer::sum));
      return m;
    }
  }

  public Outcome outcome() {
    RevisionStatus worst = RevisionStatus.OK;
    for (EnvReport e : environments) {
      worst = worst.worst(e.worst());
    }
    if (worst.breaksRestore() || strict && worst == RevisionStatus.AT_RISK) {
      return Outcome.BROKEN;
    }
    return worst == RevisionStatus.UNKNOWN ? Outcome.UNKNOWN : Outcome.OK;
  }
}
