package dev.phoenix.history;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateFiles;
import dev.phoenix.model.Lockfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the commit an environment was at for a given moment: the newest commit on HEAD's
 * first-parent chain whose committer date is not after the moment. Reads only history objects.
 */
public final class TimeTravel {
  private final GitRepository git;

  public TimeTravel(GitRepository git) {
    this.git = git;
  }

  public Revision resolve(String environment, String whenText, Instant now) {
    requireCommits(git);
    When when = When.read(whenText, null);
    CommitInfo commit;
    if (when instanceof When.AtTime at) {
      if (at.instant().isAfter(now) && !at.dateOnly() || at.dateOnly() && at.instant().minusSeconds(86400).isAfter(now)) {
        throw PhoenixException.input("'" + whenText + "' is in the future (now is " + now + ")",
            "ask about a moment that has happened; for the current state use HEAD");
      }
      commit = git.mainlineAt(at.instant()).orElseThrow(() -> beforeFirst(environment, whenText));
    } else {
      commit = ((When.AtRevision) when).commit(git, null);
    }
    Revision revision = new Revision(environment, commit, git.filesAt(commit), when);
    if (revision.files().lookup(Lockfile.path(environment)).isAbsent()) { // a refused one is read, and reported
      throw missingAt(environment, commit, whenText);
    }
    return revision;
  }

  /**
   * Refuses a repository without a single commit with that reason (not "'HEAD' is neither a date
   * nor a commit"): every command that reads history calls this first.
   */
  public static void requireCommits(GitRepository git) {
    if (git.head().isEmpty()) {
      throw PhoenixException.input("the repository at " + git.workTree() + " has no commits yet, so there is no history to read",
          "commit the estate first: git add environments stacks && git commit (phoenix validate checks the working tree before that)");
    }
  }

  /**
   * As {@link #resolve}, for commands that display a revision (show, diff): a lockfile Phoenix
   * refuses to read there (a committed link) is an INPUT error naming it, not an empty file or
   * everything "removed".
   */
  public Revision resolveReadable(String environment, String whenText, Instant now) {
    Revision revision = resolve(environment, whenText, now);
    String path = Lockfile.path(environment);
    revision.files().lookup(path).refusal().ifPresent(why -> {
      throw PhoenixException.input(EstateFiles.refusedMessage(path, why) + " (at commit "
              + revision.commit().shortId() + ")", "commit the lockfile itself in its place, inside the repository");
    });
    return revision;
  }

  /** The revision at HEAD, with a clear error when the environment does not exist there. */
  public Revision head(String environment) {
    return resolve(environment, "HEAD", Instant.now());
  }

  private PhoenixException missingAt(String environment, CommitInfo commit, String whenText) {
    Optional<CommitInfo> first = firstWithLockfile(environment);
    if (first.isEmpty()) {
      throw unknown(environment);
    }
    if (commit.committedAt().isBefore(first.get().committedAt())) {
      return beforeFirst(environment, whenText);
    }
    return PhoenixException.input("environment " + environment + " had no lockfile at " + whenText
            + " (commit " + commit.shortId() + " of " + commit.committedAt() + "): it had been deleted then",
        "pick a moment when " + Lockfile.path(environment) + " existed (phoenix history --env " + environment + ")");
  }

  private PhoenixException beforeFirst(String environment, String whenText) {
    Optional<CommitInfo> first = firstWithLockfile(environment);
    if (first.isEmpty()) {
      return unknown(environment);
    }
    return PhoenixException.input("'" + whenText + "' is before environment " + environment
            + "'s first lockfile commit, " + first.get().shortId() + " at " + first.get().committedAt(),
        "ask about " + first.get().committedAt() + " or later");
  }

  /** The oldest mainline commit that has the environment's lockfile. */
  public Optional<CommitInfo> firstWithLockfile(String environment) {
    List<CommitInfo> chain = git.mainline(c -> false);
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (git.objectAt(chain.get(i).id(), Lockfile.path(environment)).isPresent()) {
        return Optional.of(chain.get(i));
      }
    }
    return Optional.empty();
  }

  PhoenixException unknown(String environment) {
    SortedSet<String> known = new TreeSet<>();
    git.head().ifPresent(h -> known.addAll(git.filesAt(h).environments()));
    return PhoenixException.input("unknown environment '" + environment + "'",
        known.isEmpty() ? "no environment has a lockfile in this repository yet (environments/<env>/environment.lock.yaml)"
            : "known environments: " + String.join(", ", known));
  }
}
