package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.model.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mainline commits that changed an environment, newest first, with what each changed: the
 * {@link Mainline} steps of its whole history (a commit that deleted the lockfile included), so
 * {@code history} lists exactly the revisions {@code verify} and {@code protect} check.
 */
public final class History {
  private final GitRepository git;

  public History(GitRepository git) {
    this.git = git;
  }

  /**
   * The commits where the environment's revision changed (a deletion of its lockfile included),
   * newest first, by {@link Mainline}'s one definition of a revision, without working out what
   * changed: what {@code drift} searches for the live revision and {@code rollback} for the interval
   * a revision was in force.
   */
  public List<CommitInfo> commits(String environment) {
    return new Mainline(git).steps(environment, Instant.MAX).stream().map(Mainline.Step::commit).toList();
  }

  /** Newest first; an INPUT error naming the known environments when this one never had a lockfile. */
  public List<HistoryEntry> of(String environment) {
    List<Mainline.Step> steps = new Mainline(git).steps(environment, Instant.now());
    if (steps.isEmpty()) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    List<HistoryEntry> entries = new ArrayList<>();
    Estate after = null;
    for (int i = 0; i < steps.size(); i++) {
      Mainline.Step step = steps.get(i);
      if (i == 0) {
        after = estate(step, environment);
      }
      // each step's estate is read once: this step's "before" is the next entry's "after"
      Estate before = i + 1 < steps.size() ? estate(steps.get(i + 1), environment) : null;
      entries.add(new HistoryEntry(step.commit(), EstateDiff.between(before, after)));
      after = before;
    }
    return entries;
  }

  private Estate estate(Mainline.Step step, String environment) {
    return step.lockfile() ? estate(step.commit(), environment) : null;
  }

  private Estate estate(CommitInfo commit, String environment) {
    return EstateReader.read(git.filesAt(commit), environment).value();
  }
}
