package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One lockfile revision of an environment: in force from its commit time until {@code validUntil}
 * (null: still in force). {@code refs} maps each reference to where it is used; {@code problems}
 * are validation failures (a revision with any is not restorable as written).
 */
public record EnvRevision(
    String environment, CommitInfo commit, Instant validUntil, Map<Ref, List<String>> refs, List<Problem> problems) {

  public Instant from() {
    return commit.committedAt();
  }
}
