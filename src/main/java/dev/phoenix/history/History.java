package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The mainline commits that changed an environment, newest first. */
public final class History {
  private final GitRepository git;
  /** Stack names per lockfile blob: a lockfile is parsed once however many commits share it. */
  private final Map<String, List<String>> stacksByLockfile = new HashMap<>();
  /** The estate last read and its fingerprint: each entry's "before" is the next entry's "after". */
  private Fingerprint lastPrint;
  private Estate lastEstate;
  /** The estate {@link #fingerprint} had to read for a new lockfile blob, and at which commit. */
  private String readForPrintAt;
  private Estate readForPrint;

  public History(GitRepository git) {
    this.git = git;
  }

  public List<HistoryEntry> of(String environment) {
    List<CommitInfo> chain = git.mainline(c -> false);
    List<HistoryEntry> entries = new ArrayList<>();
    Fingerprint newer = null;
    CommitInfo newerCommit = null;
    for (CommitInfo commit : chain) {
      Fingerprint current = fingerprint(commit, environment);
      if (newer != null && !newer.equals(current)) {
        entries.add(entry(newerCommit, newer, commit, current, environment));
      }
      newer = current;
      newerCommit = commit;
    }
    if (newer != null && newer.lockfile() != null) {
      entries.add(entry(newerCommit, newer, null, null, environment));
    }
    return entries;
  }

  /**
   * The commits that changed the environment, newest first, like {@link #of} but without working
   * out what changed (cheap: object ids only). A commit that deleted the lockfile is included.
   */
  public List<CommitInfo> commits(String environment) {
    List<CommitInfo> out = new ArrayList<>();
    Fingerprint newer = null;
    CommitInfo newerCommit = null;
    for (CommitInfo commit : git.mainline(c -> false)) {
      Fingerprint current = fingerprint(commit, environment);
      if (newer != null && !newer.equals(current)) {
        out.add(newerCommit);
      }
      newer = current;
      newerCommit = commit;
    }
    if (newer != null && newer.lockfile() != null) {
      out.add(newerCommit);
    }
    return out;
  }

  /** Oldest first: what {@code verify --since} walks. */
  public List<HistoryEntry> oldestFirst(String environment) {
    List<HistoryEntry> list = new ArrayList<>(of(environment));
    Collections.reverse(list);
    return list;
  }

  private HistoryEntry entry(CommitInfo commit, Fingerprint print, CommitInfo parent, Fingerprint parentPrint,
      String environment) {
    Estate after = estate(commit, print, environment);
    Estate before = parent == null ? null : estate(parent, parentPrint, environment);
    return new HistoryEntry(commit, EstateDiff.between(before, after));
  }

  /** Commits with equal fingerprints hold the same files, so the estate read last is reused. */
  private Estate estate(CommitInfo commit, Fingerprint print, String environment) {
    if (!print.equals(lastPrint)) {
      lastEstate = commit.id().equals(readForPrintAt) ? readForPrint : estate(commit, environment);
      lastPrint = print;
    }
    return lastEstate;
  }

  private Estate estate(CommitInfo commit, String environment) {
    return EstateReader.read(git.filesAt(commit), environment).value();
  }

  /** Object ids of the lockfile directory and of every stack file it names. */
  private Fingerprint fingerprint(CommitInfo commit, String environment) {
    Optional<String> dir = git.objectAt(commit.id(), "environments/" + environment);
    Optional<String> lock = git.objectAt(commit.id(), Lockfile.path(environment));
    if (lock.isEmpty()) {
      return new Fingerprint(null, dir.orElse(null), List.of());
    }
    List<String> names = stacksByLockfile.computeIfAbsent(lock.get(), blob -> {
      Estate estate = estate(commit, environment);
      readForPrintAt = commit.id();
      readForPrint = estate;
      return estate == null ? List.of() : estate.lockfile().stacks();
    });
    List<String> stackIds = new ArrayList<>();
    for (String name : names) {
      stackIds.add(name + "=" + git.objectAt(commit.id(), Stack.path(name)).orElse("-"));
    }
    if (names.isEmpty()) {
      stackIds.add("stacks=" + git.objectAt(commit.id(), "stacks").orElse("-"));
    }
    return new Fingerprint(lock.get(), dir.orElse(null), stackIds);
  }

  private record Fingerprint(String lockfile, String directory, List<String> stacks) {}
}
