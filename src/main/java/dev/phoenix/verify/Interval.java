package dev.phoenix.verify;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of time, clipped to the window, during which the environment could be rebuilt
 * ({@link Kind#RESTORABLE}), could not, or nobody can tell. {@code to} null means "until now".
 */
public record Interval(Instant from, Instant to, Kind kind, List<RevisionResult> revisions, List<RefUse> causes) {

  public enum Kind {
    RESTORABLE,
    NOT_RESTORABLE,
    UNKNOWN;

    public static Kind of(RevisionStatus s) {
      return s.breaksRestore() ? NOT_RESTORABLE : s == RevisionStatus.UNKNOWN ? UNKNOWN : RESTORABLE;
    }
  }
}
