package dev.phoenix.history;

import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
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
    Map<Integer, Parsed<Estate>> read = new HashMap<>(); // each step's estate is read once, only if needed
    ChangesTable table = ChangesTable.load(mainline.cache(), environment);
    List<HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      int after = i;
      int before = i + 1;
      Optional<String> key = key(mainline, steps, after, environment)
          .flatMap(a -> key(mainline, steps, before, environment).map(b -> b + " -> " + a));
      // cached: what depends on the two revisions alone (a marker when the one before is unreadable)
      List<Change> changes = table.changes(key, () -> diff(read, steps, before, after, environment));
      if (changes.equals(SINCE_UNREADABLE)) { // compared with the nearest readable revision before instead
        int readable = before + 1;
        while (readable < steps.size() && unreadableStep(mainline, table, read, steps, readable, environment)) {
          readable++;
        }
        int since = readable;
        Optional<String> sinceKey = key(mainline, steps, after, environment)
            .flatMap(a -> key(mainline, steps, since, environment).map(b -> b + " -> " + a));
        changes = table.changes(sinceKey, () -> EstateDiff.between(
            value(estate(read, steps, since, environment)), value(estate(read, steps, after, environment))));
      }
      entries.add(new HistoryEntry(steps.get(i).commit(), changes));
      read.remove(after - 1); // no later entry needs it
    }
    table.save();
    return entries;
  }

  /** Marks a step whose previous revision is unreadable: it is compared with the nearest readable one before. */
  private static final List<Change> SINCE_UNREADABLE = List.of(new Change(Change.Kind.UNREADABLE, "", null, "previous"));

  private List<Change> diff(Map<Integer, Parsed<Estate>> read, List<Mainline.Step> steps, int before, int after,
      String environment) {
    Parsed<Estate> a = estate(read, steps, after, environment);
    if (unreadable(a)) {
      if (a.problems().isEmpty()) {
        return List.of(new Change(Change.Kind.UNREADABLE, Lockfile.path(environment), null, "unreadable"));
      }
      Problem first = a.problems().get(0);
      return List.of(new Change(Change.Kind.UNREADABLE, first.file() == null ? Lockfile.path(environment) : first.file(),
          null, first.message() + (a.problems().size() > 1 ? "; " + (a.problems().size() - 1) + " more" : "")));
    }
    Parsed<Estate> b = estate(read, steps, before, environment);
    return unreadable(b) ? SINCE_UNREADABLE : EstateDiff.between(value(b), value(a));
  }

  /**
   * Whether step {@code i}'s lockfile is unreadable, from what its own history entry is (cached like
   * every entry, so a later run parses nothing to know it).
   */
  private boolean unreadableStep(Mainline mainline, ChangesTable table, Map<Integer, Parsed<Estate>> read,
      List<Mainline.Step> steps, int i, String environment) {
    Optional<String> key = key(mainline, steps, i, environment)
        .flatMap(a -> key(mainline, steps, i + 1, environment).map(b -> b + " -> " + a));
    List<Change> own = table.changes(key, () -> diff(read, steps, i + 1, i, environment));
    return own.size() == 1 && own.get(0).kind() == Change.Kind.UNREADABLE && !own.equals(SINCE_UNREADABLE);
  }

  /** A revision with a lockfile Phoenix could not read (a link, not YAML, invalid): not an empty estate. */
  private static boolean unreadable(Parsed<Estate> parsed) {
    return parsed != null && parsed.value() == null;
  }

  private static Estate value(Parsed<Estate> parsed) {
    return parsed == null ? null : parsed.value();
  }

  /** The revision key of step {@code i}; "none" for no estate (a deletion, or before the first step). */
  private static Optional<String> key(Mainline mainline, List<Mainline.Step> steps, int i, String environment) {
    if (i >= steps.size() || !steps.get(i).lockfile()) {
      return Optional.of("none");
    }
    return mainline.revisionKey(steps.get(i).commit(), environment);
  }

  /** Null for no estate (a deletion, or before the first step). */
  private Parsed<Estate> estate(Map<Integer, Parsed<Estate>> read, List<Mainline.Step> steps, int i, String environment) {
    if (i >= steps.size()) {
      return null;
    }
    if (!read.containsKey(i)) {
      read.put(i, estate(steps.get(i), environment));
    }
    return read.get(i);
  }

  private Parsed<Estate> estate(Mainline.Step step, String environment) {
    return step.lockfile() ? EstateReader.read(git.filesAt(step.commit()), environment) : null;
  }
}
