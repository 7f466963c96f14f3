package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RDS DB snapshots a datastore's restore pins: DescribeDBSnapshots by identifier, once per
 * snapshot. {@code available} is OK; gone is MISSING; {@code failed}/{@code incompatible-*} cannot
 * be restored (CORRUPT); any other status (creating, copying, deleting) is not restorable yet or
 * any more, and UNKNOWN says which.
 */
public final class RdsSnapshotChecker implements RefChecker {
  private final RdsSnapshotTags snapshots;

  RdsSnapshotChecker(RdsSnapshotTags snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.RdsSnapshot;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Set<Ref.RdsSnapshot> mine = new LinkedHashSet<>();
    refs.stream().filter(this::handles).forEach(r -> mine.add((Ref.RdsSnapshot) r));
    List<Checks.Job> jobs = new ArrayList<>();
    for (Ref.RdsSnapshot s : mine) {
      jobs.add(new Checks.Job(s.store(), List.of(s), () -> Map.of(s, one(s))));
    }
    return Checks.jobs(refs, jobs, options);
  }

  Finding one(Ref.RdsSnapshot ref) {
    try {
      return snapshots.snapshot(ref.snapshotId()).map(s -> {
        String status = s.status() == null ? "" : s.status();
        if ("available".equals(status)) {
          return Finding.ok("snapshot taken " + s.snapshotCreateTime());
        }
        if ("failed".equals(status) || status.startsWith("incompatible")) {
          return Finding.corrupt("snapshot status " + status + ": it cannot be restored");
        }
        return Finding.unknown("snapshot status " + status + ": not restorable now");
      }).orElseGet(() -> Finding.missing("DB snapshot " + ref.snapshotId() + " not found"));
    } catch (AwsException e) {
      return Finding.unknown(e.getMessage());
    }
  }
}
