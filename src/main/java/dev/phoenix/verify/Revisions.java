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
  private final GitRepository git;
  private final Map<String, String> stacks = new java.util.HashMap<>();
  private final Map<String, String> fingerprints = new java.util.HashMap<>();
  private List<CommitInfo> chain;

  public Revisions(GitRepository git) {
    this.git = git;
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
   */
  public List<EnvRevision> of(String environment, Window window) {
    if (window.headOnly()) {
      CommitInfo head = new TimeTravel(git).head(environment).commit(); // clear error for unknown envs
      return List.of(read(environment, head, null));
    }
    List<CommitInfo> chain = mainline();
    List<CommitInfo> selected = new ArrayList<>();
    List<Instant> until = new ArrayList<>();
    Instant nextRevision = null;
    boolean seenLockfile = false;
    for (int i = 0; i < chain.size(); i++) {
      CommitInfo c = chain.get(i);
      String current = fingerprint(c, environment);
      String parent = i + 1 < chain.size() ? fingerprint(chain.get(i + 1), environment) : null;
      boolean lock = !current.startsWith("null ");
      seenLockfile |= lock;
      if (current.equals(parent)) {
        continue;
      }
      if (lock && !c.committedAt().isAfter(window.to())
          && (nextRevision == null || nextRevision.isAfter(window.from()))) {
        selected.add(c);
        until.add(nextRevision);
      }
      nextRevision = c.committedAt();
      if (!c.committedAt().isAfter(window.from())) {
        break; // the revision in force at the window start: older ones are out of it
      }
    }
    if (!seenLockfile) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    Collections.reverse(selected);
    Collections.reverse(until);
    List<EnvRevision> out = new ArrayList<>(Collections.nCopies(selected.size(), null));
    java.util.stream.IntStream.range(0, selected.size()).parallel()
        .forEach(i -> out.set(i, read(environment, selected.get(i), until.get(i))));
    return out;
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

  private EnvRevision read(String environment, CommitInfo commit, Instant validUntil) {
    Parsed<Estate> estate = EstateReader.read(git.filesAt(commit), environment);
    Map<Ref, List<String>> refs = estate.value() == null ? Map.of() : Refs.of(estate.value().lockfile());
    List<Problem> problems = estate.problems();
    if (estate.value() == null && problems.isEmpty()) {
      problems = List.of(Problem.at(Lockfile.path(environment), 0, "the lockfile could not be read", null));
    }
    return new EnvRevision(environment, commit, validUntil, refs, problems);
  }
}
