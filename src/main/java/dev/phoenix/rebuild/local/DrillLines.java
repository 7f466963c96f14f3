package dev.phoenix.rebuild.local;

import dev.phoenix.core.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A local drill in words, for progress lines and the drill record. Never a config value. */
public final class DrillLines {
  private DrillLines() {}

  public static String service(ServiceResult s) {
    String replicas = s.replicas() > 1 ? " x" + s.replicas() : "";
    String reused = s.reused() == 0 ? "" : ", " + s.reused() + " reused";
    return switch (s.status()) {
      case ServiceResult.HEALTHY -> s.service() + replicas + " healthy (pull " + sec(s.pullMillis()) + ", start "
          + sec(s.startMillis()) + ", healthy after " + sec(s.healthyMillis()) + ", ready at " + sec(s.readyAtMillis())
          + reused + "; " + s.healthCheck() + ")";
      case ServiceResult.FAILED -> s.service() + replicas + " FAILED after " + sec(s.healthyMillis()) + ": " + s.failure();
      default -> s.service() + " not started (" + s.failure() + ")";
    };
  }

  public static String function(FunctionResult f) {
    return f.ok() ? f.function() + " " + FunctionResult.AVAILABLE + " (" + f.uri() + ", sha256 matches)"
        : f.function() + " FAILED: " + f.failure();
  }

  /**
   * A datastore's data: the backup used (bucket/key/versionId, sha256), when it was taken, the RPO
   * achieved, the restore's times and the probe's count; or why it failed. Never a row.
   */
  public static String datastore(DatastoreResult d) {
    if (d.failed()) {
      return "datastore " + d.datastore() + " FAILED: " + d.failure();
    }
    if (d.restored() == null) {
      return "datastore " + d.datastore() + " from " + d.chosen().object().id() + " (taken " + d.chosen().takenAt()
          + "), not restored";
    }
    LocalDatastoreRestore.Restored r = d.restored();
    return "datastore " + d.datastore() + " restored from " + r.backup() + " (sha256 " + r.sha256() + " checked), taken "
        + r.takenAt() + ", RPO achieved " + Durations.span(r.rpoAchieved()) + "; restore " + sec(r.restoreTime().toMillis())
        + " (fetch " + sec(r.fetchTime().toMillis()) + ", pg_restore " + sec(r.pgRestoreTime().toMillis())
        + "), probe counted " + r.probeCount();
  }

  /** Everything worth printing while the drill runs: one line per datastore, service and function, log tails indented. */
  public static List<String> progress(DrillOutcome o) {
    List<String> lines = new ArrayList<>();
    o.datastores().forEach(d -> lines.add("local: " + datastore(d)));
    for (ServiceResult s : o.services()) {
      lines.add("local: " + service(s));
      if (!s.logTail().isEmpty()) {
        lines.add("local:   last " + s.logTail().size() + " log line(s) of " + s.containers().get(s.containers().size() - 1)
            + " (secret values masked):");
        s.logTail().forEach(l -> lines.add("local:   | " + l));
      }
    }
    o.functions().forEach(f -> lines.add("local: function " + function(f)));
    if (o.failure() != null) {
      lines.add("local: " + o.failure());
    }
    lines.add("local: " + (o.ok() ? "all services healthy" : "drill FAILED") + ", recovery time " + sec(o.totalMillis())
        + " (drill " + o.drillId() + ", network " + o.network() + ")");
    return lines;
  }

  static String sec(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
