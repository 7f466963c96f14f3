package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.history.Mainline;
import dev.phoenix.model.Datastore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One lockfile revision of an environment: in force from {@code from} (its commit time, or now for
 * a commit dated in the future) until {@code validUntil} (null: still in force). {@code refs} maps
 * each reference to where it is used; {@code problems} are validation failures (a revision with any
 * is not restorable as written); {@code warnings} say what is odd but not broken (a future date).
 */
public record EnvRevision(
    String environment, CommitInfo commit, Instant from, Instant validUntil, Map<Ref, List<String>> refs,
    List<Problem> problems, List<String> warnings, List<Datastore> datastores) {

  public EnvRevision {
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
  }

  /** Without datastores. */
  public EnvRevision(String environment, CommitInfo commit, Instant from, Instant validUntil,
      Map<Ref, List<String>> refs, List<Problem> problems, List<String> warnings) {
    this(environment, commit, from, validUntil, refs, problems, warnings, List.of());
  }

  /** A revision in force from its commit time, without warnings. */
  public EnvRevision(
      String environment, CommitInfo commit, Instant validUntil, Map<Ref, List<String>> refs, List<Problem> problems) {
    this(environment, commit, commit.committedAt(), validUntil, refs, problems, List.of());
  }

  /** In force at some moment of {@code [start, end]} ({@link Mainline#inForceDuring}). */
  public boolean inForceDuring(Instant start, Instant end) {
    return Mainline.inForceDuring(from, validUntil, start, end);
  }
}
