package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.model.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Newest first; an INPUT error naming the known environments when this one never had a lockfile.
   * What changed at each step comes from the repository's cache when both revisions were read
   * before ({@link RevisionCache}); an estate is read only for a step not cached yet, and once.
   */
  public List<HistoryEntry> of(String environment) {
    Mainline mainline = new Mainline(git);
    List<Mainline.Step> steps = mainline.steps(environment, Instant.now());
    if (steps.isEmpty()) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    Map<Integer, Estate> read = new HashMap<>(); // each step's estate is read once, only if needed
    List<HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      int after = i;
      int before = i + 1;
      Optional<String> key = key(mainline, steps, after, environment)
          .flatMap(a -> key(mainline, steps, before, environment).map(b -> b + " -> " + a));
      List<Change> changes = mainline.cache().changes(key, () -> EstateDiff.between(
          estate(read, steps, before, environment), estate(read, steps, after, environment)));
      entries.add(new HistoryEntry(steps.get(i).commit(), changes));
      read.remove(after - 1); // no later entry needs it
    }
    return entries;
  }

  /** The revision key of step {@code i}; "none" for no estate (a deletion, or before the first step). */
  private static Optional<String> key(Mainline mainline, List<Mainline.Step> steps, int i, String environment) {
    if (i >= steps.size() || !steps.get(i).lockfile()) {
      return Optional.of("none");
    }
    return mainline.revisionKey(steps.get(i).commit(), environment);
  }

  private Estate estate(Map<Integer, Estate> read, List<Mainline.Step> steps, int i, String environment) {
    if (i >= steps.size()) {
      return null;
    }
    if (!read.containsKey(i)) {
      read.put(i, estate(steps.get(i), environment));
    }
    return read.get(i);
  }

  private Estate estate(Mainline.Step step, String environment) {
    return step.lockfile() ? estate(step.commit(), environment) : null;
  }

  private Estate estate(CommitInfo commit, String environment) {
    return EstateReader.read(git.filesAt(commit), environment).value();
  }
}
