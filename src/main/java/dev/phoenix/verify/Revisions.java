package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
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
  private final History history;

  public Revisions(GitRepository git) {
    this.git = git;
    this.history = new History(git);
  }

  /** Environments with a lockfile at HEAD (what {@code --all-envs} checks). */
  public List<String> environmentsAtHead() {
    return git.head().map(h -> List.copyOf(git.filesAt(h).environments())).orElse(List.of());
  }

  /**
   * Oldest first. HEAD only: the one revision at HEAD. A window: the revision in force at its start
   * plus every revision committed inside it; revisions that deleted the lockfile end the previous
   * one and are not listed themselves.
   */
  public List<EnvRevision> of(String environment, Window window) {
    if (window.headOnly()) {
      CommitInfo head = new TimeTravel(git).head(environment).commit(); // clear error for unknown envs
      return List.of(read(environment, head, null));
    }
    List<CommitInfo> commits = new ArrayList<>(history.commits(environment));
    if (commits.isEmpty()) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    Collections.reverse(commits);
    List<CommitInfo> selected = new ArrayList<>();
    List<Instant> until = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      CommitInfo c = commits.get(i);
      Instant validUntil = i + 1 < commits.size() ? commits.get(i + 1).committedAt() : null;
      boolean startsInTime = !c.committedAt().isAfter(window.to());
      boolean endsAfterStart = validUntil == null || validUntil.isAfter(window.from());
      if (startsInTime && endsAfterStart && hasLockfile(c, environment)) {
        selected.add(c);
        until.add(validUntil);
      }
    }
    List<EnvRevision> out = new ArrayList<>(Collections.nCopies(selected.size(), null));
    java.util.stream.IntStream.range(0, selected.size()).parallel()
        .forEach(i -> out.set(i, read(environment, selected.get(i), until.get(i))));
    return out;
  }

  private boolean hasLockfile(CommitInfo c, String environment) {
    return git.objectAt(c.id(), Lockfile.path(environment)).isPresent();
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
