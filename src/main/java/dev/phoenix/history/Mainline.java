package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one walk of HEAD's first-parent chain for an environment, and the one definition of what a
 * revision of an environment is. {@code history}, {@code verify} and {@code protect} all walk
 * through here, so they always agree on which commits are revisions.
 *
 * <p><b>A revision</b> is the content of the files an environment's estate is read from: its
 * lockfile, and the blueprint of every stack that lockfile names (all of {@code stacks/} when the
 * lockfile cannot be read, since then it is not known which it names). Two commits hold the same
 * revision when those files are byte for byte the same. Nothing else makes a revision: not another
 * file beside the lockfile ({@code policy.yaml}), not another environment, not a blueprint no stack
 * of this environment uses. A mainline commit whose revision differs from its first parent's is a
 * {@link Step}: it starts a revision, or, when it deleted the lockfile, ends one (a step without a
 * lockfile). Before the first commit there is no lockfile.
 *
 * <p><b>When a step counts</b>: at its commit date, except that a commit dated after
 * {@code latest} (its author's clock was wrong, or the date was forged) counts at {@code latest},
 * and never later than the mainline commit after it; so the revision in force now is in every
 * window that reaches now, whatever its date.
 */
public final class Mainline {
  /**
   * How far in the future a commit may be dated before it is reported: clocks of CI runners and
   * laptops drift by seconds to minutes, not more.
   */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * A commit where the environment's revision changed, newest first in a walk: {@code lockfile}
   * false when it deleted the lockfile. In force from {@code from} (its commit date, see the class
   * comment) until {@code until}, the moment of the next step (null: still in force).
   */
  public record Step(CommitInfo commit, boolean lockfile, Instant from, Instant until) {
    /** A revision (not a deletion) in force at some moment of {@code [start, end]}. */
    public boolean inForceDuring(Instant start, Instant end) {
      return lockfile && Mainline.inForceDuring(from, until, start, end);
    }
  }

  /**
   * Whether a revision in force from {@code from} until {@code until} (null: still) was in force at
   * some moment of {@code [start, end]}: the one rule of what a window holds.
   */
  public static boolean inForceDuring(Instant from, Instant until, Instant start, Instant end) {
    return !from.isAfter(end) && (until == null || until.isAfter(start));
  }

  private final GitRepository git;
  private final RevisionCache cache;
  private final Map<String, Optional<String>> objects = new HashMap<>();
  /** Stack names per lockfile blob (null: unreadable): a lockfile is parsed once however many commits share it. */
  private final Map<String, Optional<List<String>>> stackNames = new HashMap<>();
  private List<CommitInfo> chain;
  /** Revision keys read from a step index ("env commit" → key): not looked up again. */
  private final Map<String, Optional<String>> known = new HashMap<>();

  /**
   * How the walk reads a lockfile's stack names when no cache has them: from the environment, the
   * commit it was found at, the lockfile's entry there ({@link #lockfileEntry}) and its bytes,
   * exactly {@link LockfileReader#stackNames(String, byte[])}. A caller that reads every revision
   * whole afterwards ({@code verify}) reads it whole here once and makes what it needs of that
   * commit's revision at once ({@link LockfileReader#stackNames(Parsed)}), instead of parsing each
   * lockfile twice.
   */
  @FunctionalInterface
  public interface NamesReader {
    Optional<List<String>> names(String environment, CommitInfo commit, String entry, byte[] content);
  }

  /** Only the names ({@code history}'s walk needs nothing else of a lockfile). */
  public static final NamesReader ONLY_NAMES =
      (environment, commit, entry, content) -> LockfileReader.stackNames(Lockfile.path(environment), content);

  private final NamesReader namesReader;

  public Mainline(GitRepository git) {
    this(git, ONLY_NAMES);
  }

  public Mainline(GitRepository git, NamesReader namesReader) {
    this.git = git;
    this.namesReader = namesReader;
    this.cache = new RevisionCache(dev.phoenix.core.ReadCache.forRepository(git.directory().toPath()));
  }

  /** The repository's cache of what was read from lockfiles and blueprints, by their blobs. */
  public RevisionCache cache() {
    return cache;
  }

  /**
   * What identifies the environment's revision at {@code commit} by content: the environment, the
   * lockfile's blob and the blob of every blueprint it names, in order. Empty when the files are not
   * all regular files (absent, a link, a directory: read them, and their problems, every time).
   * Two commits with the same key read the same, whatever their dates.
   */
  public Optional<String> revisionKey(CommitInfo commit, String environment) {
    Optional<String> indexed = known.get(environment + " " + commit.id());
    if (indexed != null) {
      return indexed;
    }
    Optional<String> lock = lockfile(commit, environment);
    if (lock.isEmpty() || !GitRepository.regularFile(lock.get())) {
      return Optional.empty();
    }
    Optional<List<String>> names = stackNames.computeIfAbsent(lock.get(), blob -> readNames(commit, environment));
    StringBuilder key = new StringBuilder(environment).append(' ').append(lock.get());
    if (names.isEmpty()) {
      return Optional.of(key.append(" unreadable").toString()); // the lockfile alone decides
    }
    for (String name : names.get()) {
      Optional<String> stack = entry(commit, Stack.path(name));
      if (stack.isEmpty() || !GitRepository.regularFile(stack.get())) {
        return Optional.empty();
      }
      key.append(' ').append(name).append('=').append(stack.get());
    }
    return Optional.of(key.toString());
  }

  /** HEAD's first-parent chain, newest first, read once. */
  public List<CommitInfo> commits() {
    if (chain == null) {
      chain = git.mainline(c -> false);
    }
    return chain;
  }

  /** Every step of the environment's whole history, newest first; commits dated after {@code latest} count at it. */
  public List<Step> steps(String environment, Instant latest) {
    return steps(environment, null, latest);
  }

  /**
   * The steps of the environment, newest first, down to the one in force at {@code notBefore}
   * (null: the whole history); older ones are not looked at.
   */
  public List<Step> steps(String environment, Instant notBefore, Instant latest) {
    List<CommitInfo> commits = commits();
    Found found = found(environment, commits);
    LinkedHashMap<String, StepIndex.Fact> walked = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    Instant newer = latest;
    Instant nextStep = null;
    boolean collecting = true; // false once past notBefore: the walk goes on only to complete the index
    for (int i = 0; i < commits.size(); i++) {
      CommitInfo c = commits.get(i);
      Instant at = c.committedAt().isAfter(newer) ? newer : c.committedAt();
      newer = at;
      boolean lockfile;
      if (found != null && i >= found.at()) {
        if (!collecting) {
          break; // the rest of the chain is in the index
        }
        StepIndex.Fact fact = found.index().fact(c.id()); // the chain below an indexed commit: known
        if (fact == null) {
          continue;
        }
        lockfile = fact.lockfile();
      } else {
        CommitInfo parent = i + 1 < commits.size() ? commits.get(i + 1) : null;
        if (sameRevision(c, parent, environment)) {
          continue;
        }
        lockfile = lockfile(c, environment).isPresent();
        walked.put(c.id(), new StepIndex.Fact(lockfile, null));
      }
      if (collecting) {
        steps.add(new Step(c, lockfile, at, nextStep));
        nextStep = at;
        // the revision in force at notBefore: older ones are out of the window
        collecting = notBefore == null || at.isAfter(notBefore);
      }
    }
    if (!commits.isEmpty() && (found == null || found.at() > 0)) {
      remember(environment, commits.get(0), found, walked, steps);
    }
    return steps;
  }

  /** An index found for the commit at {@code at} of the chain. */
  private record Found(int at, StepIndex index) {}

  /** The index of the newest of the last {@link StepIndex#LOOK_BACK} commits that has one, its keys known from now on. */
  private Found found(String environment, List<CommitInfo> commits) {
    dev.phoenix.core.ReadCache store = cache.store();
    if (!store.enabled()) {
      return null;
    }
    for (int j = 0; j < Math.min(StepIndex.LOOK_BACK, commits.size()); j++) {
      Optional<byte[]> hit = store.get(StepIndex.KIND, StepIndex.key(environment, commits.get(j).id()));
      if (hit.isPresent()) {
        try {
          StepIndex index = StepIndex.decode(hit.get());
          index.steps().forEach((id, fact) -> {
            if (fact.key() != null) {
              known.put(environment + " " + id, fact.revisionKey());
            }
          });
          return new Found(j, index);
        } catch (dev.phoenix.core.EntryCodec.Malformed | IllegalArgumentException e) {
          return null; // checksummed but not decodable: walk everything, the index is rewritten
        }
      }
    }
    return null;
  }

  /**
   * Stores the whole chain's steps under the newest commit, with the revision key of each new step
   * that was {@code returned} (older ones get theirs when a run first needs them).
   */
  private void remember(String environment, CommitInfo newest, Found found, LinkedHashMap<String, StepIndex.Fact> walked,
      List<Step> returned) {
    Map<String, CommitInfo> byId = new HashMap<>();
    returned.forEach(step -> byId.put(step.commit().id(), step.commit()));
    readNamesInStorageOrder(environment, returned.stream().filter(Step::lockfile).map(Step::commit).toList());
    LinkedHashMap<String, StepIndex.Fact> keyed = new LinkedHashMap<>();
    walked.forEach((id, fact) -> keyed.put(id, !fact.lockfile() || !byId.containsKey(id) ? fact
        : new StepIndex.Fact(true, revisionKey(byId.get(id), environment).orElse(null))));
    StepIndex index = found == null ? new StepIndex(keyed) : found.index().with(keyed);
    cache.store().put(StepIndex.KIND, StepIndex.key(environment, newest.id()), index.encode());
  }


  /**
   * The revisions in force at some moment of {@code [start, end]}, oldest first: the one in force
   * at {@code start} plus every one committed inside. {@code walked}, when given, receives every
   * step looked at (to tell "no revision in the window" from "no such environment").
   */
  public List<Step> window(String environment, Instant start, Instant end, Instant latest, List<Step> walked) {
    List<Step> steps = steps(environment, start, latest);
    if (walked != null) {
      walked.addAll(steps);
    }
    List<Step> in = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).inForceDuring(start, end)) {
        in.add(steps.get(i));
      }
    }
    return in;
  }

  /**
   * The one definition: the same lockfile blob and the same blueprints of the stacks it names.
   * {@code other} null stands for "before the first commit" (no lockfile).
   */
  public boolean sameRevision(CommitInfo commit, CommitInfo other, String environment) {
    Optional<String> lock = lockfile(commit, environment);
    Optional<String> otherLock = other == null ? Optional.empty() : lockfile(other, environment);
    if (!lock.equals(otherLock)) {
      return false;
    }
    if (lock.isEmpty()) {
      return true; // no lockfile on either side: no revision, whatever else changed
    }
    if (entry(commit, "stacks").equals(entry(other, "stacks"))) {
      return true; // the cheap case: nothing under stacks/ changed
    }
    Optional<List<String>> names = stackNames.computeIfAbsent(lock.get(), blob -> readNames(commit, environment));
    if (names.isEmpty()) {
      return false; // unreadable lockfile: any change under stacks/ may matter
    }
    for (String name : names.get()) {
      if (!entry(commit, Stack.path(name)).equals(entry(other, Stack.path(name)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The environment's lockfile entry at {@code commit} ({@code "<octal mode> <blob id>"}, see
   * {@link GitRepository#entryAt}), empty when absent. One lookup at a time, like the walk.
   */
  public Optional<String> lockfileEntry(CommitInfo commit, String environment) {
    return lockfile(commit, environment);
  }

  private Optional<String> lockfile(CommitInfo commit, String environment) {
    return entry(commit, Lockfile.path(environment));
  }

  /**
   * The entry ({@code <mode> <blob>}) at {@code path} in {@code commit}, from this walk's lookups
   * when it made them ({@link #revisionKey} looks up every blueprint a lockfile names). On the
   * walk's thread: its lookups are not shared.
   */
  public Optional<String> entry(CommitInfo commit, String path) {
    return objects.computeIfAbsent(commit.id() + " " + path, k -> git.entryAt(commit.id(), path));
  }

  /**
   * Reads the stack names of the lockfiles at {@code commits} not read yet, in the order the
   * repository stores their blobs ({@link GitRepository#inStorageOrder}) rather than newest first:
   * the keys that follow find them read. Cold, this is where each lockfile is read (and, for verify,
   * parsed whole), so it is the order of the reading of a year.
   */
  private void readNamesInStorageOrder(String environment, List<CommitInfo> commits) {
    Map<String, CommitInfo> byBlob = new LinkedHashMap<>();
    Map<String, String> entryOf = new HashMap<>();
    for (CommitInfo commit : commits) {
      if (known.containsKey(environment + " " + commit.id())) {
        continue; // its key is indexed: nothing of it is read
      }
      lockfile(commit, environment).filter(GitRepository::regularFile).filter(e -> !stackNames.containsKey(e))
          .ifPresent(e -> {
            String blob = e.substring(e.indexOf(' ') + 1);
            byBlob.putIfAbsent(blob, commit);
            entryOf.putIfAbsent(blob, e);
          });
    }
    if (byBlob.size() < 2) {
      return;
    }
    for (String blob : git.inStorageOrder(List.copyOf(byBlob.keySet()))) {
      CommitInfo commit = byBlob.get(blob);
      stackNames.computeIfAbsent(entryOf.get(blob), e -> readNames(commit, environment));
    }
  }

  private Optional<List<String>> readNames(CommitInfo commit, String environment) {
    Optional<String> lock = lockfile(commit, environment);
    if (lock.isPresent() && GitRepository.regularFile(lock.get())) {
      return cache.names(Lockfile.path(environment) + " " + lock.get(), () -> parseNames(commit, environment));
    }
    return parseNames(commit, environment);
  }

  private Optional<List<String>> parseNames(CommitInfo commit, String environment) {
    String path = Lockfile.path(environment);
    Optional<byte[]> bytes = git.filesAt(commit).read(path);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return namesReader.names(environment, commit, lockfile(commit, environment).orElse(""), bytes.get());
  }
}
