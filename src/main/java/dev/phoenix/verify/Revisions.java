package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Finds the lockfile revisions of an environment that a window covers, and what each pins. */
public final class Revisions {
  /**
   * How far in the future a commit may be dated before it is reported: clocks of CI runners and
   * laptops drift by seconds to minutes, not more.
   */
  public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

  private final GitRepository git;
  private final Instant now;
  private final Map<String, String> stacks = new java.util.HashMap<>();
  private final Map<String, String> fingerprints = new java.util.HashMap<>();
  private List<CommitInfo> chain;

  public Revisions(GitRepository git) {
    this(git, Instant.now());
  }

  /** {@code now}: commits dated after it count as committed now (see {@link #of}). */
  public Revisions(GitRepository git, Instant now) {
    this.git = git;
    this.now = now;
  }

  /** Environments with a lockfile at HEAD (what {@code --all-envs} checks). */
  public List<String> environmentsAtHead() {
    return git.head().map(h -> List.copyOf(git.filesAt(h).environments())).orElse(List.of());
  }

  /**
   * Oldest first. HEAD only: the one revision at HEAD. A window: the revision in force at its start
   * plus every revision committed inside it. A revision is a mainline commit that changed the
   * lockfile or anything under stacks/; one that deleted the lockfile ends the previous revision
   * and is not listed itself. The walk stops at the revision in force at the window start.
   *
   * <p>A commit dated after now (its author's clock was wrong, or the date was forged) counts as
   * committed now, and never later than the mainline commit after it: so the revision in force now
   * is in every window that reaches now, whatever its date. One dated more than {@link #CLOCK_SKEW}
   * ahead carries a warning.
   */
  public List<EnvRevision> of(String environment, VerifyWindow window) {
    if (window.headOnly()) {
      CommitInfo head = new TimeTravel(git).head(environment).commit(); // clear error for unknown envs
      return List.of(read(environment, head, at(head.committedAt(), now), null));
    }
    List<CommitInfo> chain = mainline();
    List<CommitInfo> selected = new ArrayList<>();
    List<Instant> from = new ArrayList<>();
    List<Instant> until = new ArrayList<>();
    Instant nextRevision = null;
    // a window up to now ends a moment before this.now was read: count future commits at its end
    Instant newer = window.untilNow() && window.to().isBefore(now) ? window.to() : now;
    boolean seenLockfile = false;
    for (int i = 0; i < chain.size(); i++) {
      CommitInfo c = chain.get(i);
      Instant at = at(c.committedAt(), newer);
      newer = at;
      String current = fingerprint(c, environment);
      String parent = i + 1 < chain.size() ? fingerprint(chain.get(i + 1), environment) : null;
      boolean lock = !current.startsWith("null ");
      seenLockfile |= lock;
      if (current.equals(parent)) {
        continue;
      }
      if (lock && !at.isAfter(window.to())
          && (nextRevision == null || nextRevision.isAfter(window.from()))) {
        selected.add(c);
        from.add(at);
        until.add(nextRevision);
      }
      nextRevision = at;
      if (!at.isAfter(window.from())) {
        break; // the revision in force at the window start: older ones are out of it
      }
    }
    if (!seenLockfile) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    Collections.reverse(selected);
    Collections.reverse(from);
    Collections.reverse(until);
    List<EnvRevision> out = new ArrayList<>(Collections.nCopies(selected.size(), null));
    java.util.stream.IntStream.range(0, selected.size()).parallel()
        .forEach(i -> out.set(i, read(environment, selected.get(i), from.get(i), until.get(i))));
    return out;
  }

  /** When a commit counts as committed: its date, but never after {@code limit} (now, or the next commit). */
  private static Instant at(Instant committed, Instant limit) {
    return committed.isAfter(limit) ? limit : committed;
  }

  private List<CommitInfo> mainline() {
    if (chain == null) {
      chain = git.mainline(c -> false);
    }
    return chain;
  }

  /** Lockfile blob id ("null" when absent) and stacks/ tree id, memoised per commit. */
  private String fingerprint(CommitInfo c, String environment) {
    return fingerprints.computeIfAbsent(environment + " " + c.id(),
        k -> git.objectAt(c.id(), Lockfile.path(environment)).orElse(null) + " " + stacksTree(c));
  }

  private String stacksTree(CommitInfo c) {
    return stacks.computeIfAbsent(c.id(), id -> git.objectAt(id, "stacks").orElse("-"));
  }

  private EnvRevision read(String environment, CommitInfo commit, Instant from, Instant validUntil) {
    Parsed<Estate> estate = EstateReader.read(git.filesAt(commit), environment);
    Map<Ref, List<String>> refs = estate.value() == null ? Map.of() : Refs.of(estate.value().lockfile());
    List<Problem> problems = estate.problems();
    if (estate.value() == null && problems.isEmpty()) {
      problems = List.of(Problem.at(Lockfile.path(environment), 0, "the lockfile could not be read", null));
    }
    return new EnvRevision(environment, commit, from, validUntil, refs, problems, dateWarnings(commit, from));
  }

  private List<String> dateWarnings(CommitInfo commit, Instant from) {
    if (!commit.committedAt().isAfter(now.plus(CLOCK_SKEW))) {
      return List.of();
    }
    return List.of("commit " + commit.shortId() + " is dated " + commit.committedAt() + ", in the future (now is "
        + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): counted as in force from " + from
        + "; show/rebuild --at a date reach it only once that date has come, --at " + commit.shortId() + " reaches it now");
  }
}
