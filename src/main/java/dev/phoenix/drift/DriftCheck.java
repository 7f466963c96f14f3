package dev.phoenix.drift;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.Revision;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import java.time.Instant;
import java.util.List;

/**
 * {@code phoenix drift}: what runs compared with the lockfile in force at WHEN (HEAD by default),
 * and the newest lockfile revision what runs matches. The target is observed once; every revision
 * is compared with that one observation.
 */
public final class DriftCheck {
  /** How many of the newest lockfile revisions are searched for the live one. */
  public static final int SEARCH = 100;

  private final GitRepository git;
  private final Probe probe;

  public DriftCheck(GitRepository git, Probe probe) {
    this.git = git;
    this.probe = probe;
  }

  public DriftResult run(String environment, String at, Instant now) {
    String when = at == null ? "HEAD" : at;
    Revision revision = new TimeTravel(git).resolve(environment, when, now);
    Estate estate = valid(EstateReader.read(revision.files(), environment), environment, revision.commit());
    LiveState live = probe.look(environment);
    List<DriftItem> items = live.compare(estate);
    List<CommitInfo> revisions = new History(git).commits(environment);
    int searched = Math.min(SEARCH, revisions.size());
    LiveRevision found = null;
    for (int i = 0; i < searched && found == null; i++) {
      CommitInfo c = revisions.get(i);
      List<DriftItem> compared;
      if (c.id().equals(revision.commit().id())) {
        compared = items;
      } else {
        Parsed<Estate> then = EstateReader.read(git.filesAt(c), environment);
        if (then.value() == null || !then.problems().isEmpty()) {
          continue; // deleted or invalid then: nothing could have been rebuilt from it
        }
        compared = live.compare(then.value());
      }
      if (compared.stream().allMatch(d -> d.status() == DriftStatus.MATCH)) {
        found = new LiveRevision(c.id(), c.shortId(), c.committedAt(), i);
      }
    }
    return new DriftResult(environment, probe.target(), when, revision.commit().id(), revision.commit().shortId(),
        revision.commit().committedAt(), items, found, searched);
  }

  private static Estate valid(Parsed<Estate> estate, String environment, CommitInfo commit) {
    if (estate.value() != null && estate.problems().isEmpty()) {
      return estate.value();
    }
    StringBuilder m = new StringBuilder("environment " + environment + " at " + commit.shortId()
        + " does not validate, so there is nothing to compare with:");
    estate.problems().stream().map(Problem::render).forEach(p -> m.append("\n  ").append(p));
    throw PhoenixException.input(m.toString(), "compare with another revision (--at), or fix the lockfile (phoenix validate --env " + environment + ")");
  }
}
