package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.DaemonThreads;
import dev.phoenix.core.Futures;
import dev.phoenix.core.Problem;
import dev.phoenix.core.ReadCache;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Mainline;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.lockfile.EstateFiles;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.LockfileMemo;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the lockfile revisions of an environment that a window covers, and what each pins. Which
 * commits are revisions, and when each was in force, is {@link Mainline}'s one walk, the same
 * that {@code history} and {@code protect} use.
 */
public final class Revisions {
  private final GitRepository git;
  private final Instant now;
  private final Mainline mainline;
  private final Canonical canonical;
  /** The lockfile entries this run has read, each parsed once however many revisions repeat it. */
  private final LockfileMemo memo;
  /** Blueprints this walk has read, by their entry ({@link KnownFiles}). */
  private final Map<String, EstateFiles.Lookup> blobs = new ConcurrentHashMap<>();
  /** References made once per shared lockfile entry (this environment's walk). */
  private final SharedRefs sharedRefs;

  public Revisions(GitRepository git) {
    this(git, Instant.now());
  }

  /** {@code now}: commits dated after it count as committed now (see {@link #of}). */
  public Revisions(GitRepository git, Instant now) {
    this(git, now, new Canonical(), new LockfileMemo());
  }

  /** {@code canonical}, {@code runMemo}: shared by the environments of one run, read at once. */
  private Revisions(GitRepository git, Instant now, Canonical canonical, LockfileMemo runMemo) {
    this.git = git;
    this.now = now;
    this.canonical = canonical;
    this.memo = runMemo.reader(); // the run's memo, with this walk's last lockfile to compare the next with
    this.sharedRefs = new SharedRefs(canonical);
    this.mainline = new Mainline(git, (environment, commit, entry, content) -> {
      // this walk's reader, not the run's memo: the run's is one lock for every walk, and its last
      // lockfile is whichever walk read last, so the next one was seldom compared with its own previous
      Parsed<Lockfile> whole = LockfileReader.read(Lockfile.path(environment), content, environment, this.memo);
      parsed.incrementAndGet();
      RevisionReading reading = parse(environment, commit, whole, content);
      walked.put(commit.id(), new Walked(commit, reading.in(canonical)));
      Optional<List<String>> names = LockfileReader.stackNames(whole);
      if (names.isPresent() && names.get().stream().anyMatch(name -> git.entryAt(commit.id(), Stack.path(name))
          .filter(GitRepository::regularFile).isEmpty())) {
        keyless.put(entry, whole); // a named stack is not a plain blob here: such revisions have no key
      }
      return names;
    });
  }

  /**
   * Lockfiles kept whole, by entry, for revisions that have no key (a stack they name is missing or
   * not a plain file, so no reading can be found by key): rare, and still parsed once per run.
   */
  private final Map<String, Parsed<Lockfile>> keyless = new ConcurrentHashMap<>();

  /**
   * What the walk made of a commit's revision when it parsed its lockfile whole for the stack names
   * (a cold cache): taken by the revision of the same key, so each lockfile is parsed once per run.
   * Only the reading is kept, its references shared with the run's, never the whole lockfile: a
   * year of 500-service lockfiles, kept whole until their revisions were read, was most of a cold
   * run's memory.
   */
  private final Map<String, Walked> walked = new ConcurrentHashMap<>();

  private record Walked(CommitInfo commit, RevisionReading reading) {}

  /** Lockfiles parsed by this reading (0: every revision came from the read cache). */
  private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();

  /** One environment's revisions, read, and how many of its lockfiles had to be parsed for them. */
  record EnvRead(List<EnvRevision> revisions, int parsed) {}

  /**
   * {@link #of} for each environment, in their order, the environments read at once (each its own
   * walk of the mainline, at most one per core): the same lists as reading them one after the other.
   * An environment that cannot be read throws what {@link #of} throws for it; when several cannot,
   * the first of them in {@code environments}.
   */
  static Map<String, List<EnvRevision>> ofEach(GitRepository git, Instant now, List<String> environments,
      VerifyWindow window) {
    return ofEach(git, now, environments, window, (EnvRead read) -> { });
  }

  /**
   * {@link #ofEach}, telling {@code eachRead} every environment's revisions as soon as they are read
   * (on the reading thread, in the order they finish): what lets checking start while the other
   * environments are still read.
   */
  static Map<String, List<EnvRevision>> ofEach(GitRepository git, Instant now, List<String> environments,
      VerifyWindow window, java.util.function.Consumer<EnvRead> eachRead) {
    Map<String, List<EnvRevision>> byEnv = new LinkedHashMap<>();
    int threads = Math.min(environments.size(), Runtime.getRuntime().availableProcessors());
    Canonical canonical = new Canonical();
    LockfileMemo memo = new LockfileMemo();
    if (threads <= 1) {
      environments.forEach(env -> {
        Revisions reader = new Revisions(git, now, canonical, memo);
        List<EnvRevision> read = reader.of(env, window);
        eachRead.accept(new EnvRead(read, reader.parsed.get()));
        byEnv.put(env, read);
      });
      return byEnv;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("phoenix-read"));
    try {
      List<Future<List<EnvRevision>>> reads = new ArrayList<>();
      // one Revisions per environment: a walk's object lookups are not shared across threads
      environments.forEach(env -> reads.add(pool.submit(() -> {
        try {
          Revisions reader = new Revisions(git, now, canonical, memo);
          List<EnvRevision> read = reader.of(env, window);
          eachRead.accept(new EnvRead(read, reader.parsed.get()));
          return read;
        } finally {
          git.doneReadingOnThisThread();
        }
      })));
      try {
        for (int i = 0; i < environments.size(); i++) {
          byEnv.put(environments.get(i), Futures.await(reads.get(i), "reading history"));
        }
      } catch (RuntimeException | Error e) {
        reads.forEach(r -> r.cancel(false)); // those not started yet; the others end before this returns
        throw e;
      }
      return byEnv;
    } finally {
      pool.shutdown();
      awaitEnd(pool);
    }
  }

  /** Waits for the reads under way: none goes on writing the read cache after the run has moved on. */
  private static void awaitEnd(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
        // a walk of a long history: keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Environments with a lockfile at HEAD (what {@code --all-envs} checks). */
  public List<String> environmentsAtHead() {
    return git.head().map(h -> List.copyOf(git.filesAt(h).environments())).orElse(List.of());
  }

  /**
   * Oldest first. HEAD only: the one revision at HEAD. A window: the revision in force at its start
   * plus every revision committed inside it ({@link Mainline#window}); a commit that deleted the
   * lockfile ends the previous revision and is not listed itself. A commit dated after now counts
   * as committed now (see {@link Mainline}); one dated more than {@link Mainline#CLOCK_SKEW} ahead carries
   * a warning.
   */
  public List<EnvRevision> of(String environment, VerifyWindow window) {
    if (window.headOnly()) {
      CommitInfo head = new TimeTravel(git).head(environment).commit(); // clear error for unknown envs
      Instant at = head.committedAt().isAfter(now) ? now : head.committedAt();
      try {
        Optional<String> key = mainline.revisionKey(head, environment); // the walk's reading, if any, made first
        return List.of(read(environment, head, at, null, key, walkedByKey(environment),
            mainline.lockfileEntry(head, environment).orElse("")));
      } finally {
        walked.clear();
        keyless.clear();
      }
    }
    // a window up to now ends a moment before this.now was read: count future commits at its end
    Instant latest = window.untilNow() && window.to().isBefore(now) ? window.to() : now;
    List<Mainline.Step> walked = new ArrayList<>();
    List<Mainline.Step> selected = mainline.window(environment, window.from(), window.to(), latest, walked);
    if (walked.stream().noneMatch(Mainline.Step::lockfile)) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    return read(environment, selected);
  }

  /**
   * Every revision of the environment's whole history, oldest first, each with its reading: what
   * {@code protect} needs to find marks that no revision in its window wants any more.
   */
  public List<EnvRevision> all(String environment) {
    List<Mainline.Step> steps = new ArrayList<>(mainline.steps(environment, now));
    steps.removeIf(s -> !s.lockfile());
    if (steps.isEmpty()) {
      new TimeTravel(git).head(environment); // throws "unknown environment" with the known ones
    }
    Collections.reverse(steps);
    return read(environment, steps);
  }

  private List<EnvRevision> read(String environment, List<Mainline.Step> steps) {
    try {
      return readSteps(environment, steps, walkedByKey(environment));
    } finally {
      walked.clear();
      keyless.clear();
    }
  }

  /** The readings the walk made, by revision key (on the walk's thread: its lookups are not shared). */
  private Map<String, RevisionReading> walkedByKey(String environment) {
    Map<String, RevisionReading> made = new java.util.HashMap<>();
    walked.values().forEach(w -> mainline.revisionKey(w.commit(), environment)
        .ifPresent(key -> made.putIfAbsent(key, w.reading())));
    return made;
  }

  /**
   * The steps' revisions, read a run at a time ({@link RevisionChunks}): a closed run is one cache
   * entry (or the end of one), else read revision by revision and filed as a run; the open run at the
   * end is read and filed revision by revision. Runs are read at once.
   */
  private List<EnvRevision> readSteps(String environment, List<Mainline.Step> steps,
      Map<String, RevisionReading> made) {
    // keys first, on this thread (the walk's object lookups are not shared across threads)
    List<Optional<String>> keys = steps.stream().map(s -> mainline.revisionKey(s.commit(), environment)).toList();
    List<String> entries = steps.stream().map(s -> mainline.lockfileEntry(s.commit(), environment).orElse("")).toList();
    List<EnvRevision> out = new ArrayList<>(Collections.nCopies(steps.size(), null));
    RevisionChunks.cut(keys).parallelStream().forEach(run -> {
      List<RevisionReading> readings = run.closed() && keys.get(run.from()).isPresent()
          ? readRun(environment, steps, keys, made, run) : null;
      for (int i = run.from(); i < run.to(); i++) {
        Mainline.Step s = steps.get(i);
        out.set(i, readings == null
            ? read(environment, s.commit(), s.from(), s.until(), keys.get(i), made, entries.get(i))
            : revision(environment, s.commit(), s.from(), readings.get(i - run.from()), s.until()));
      }
    });
    return out;
  }

  /**
   * A closed run's readings, their references already canonical: from the run filed under its last
   * key, or each revision read (from its own entry, from the walk, or parsed) and the run filed.
   * Null with the cache off.
   */
  private List<RevisionReading> readRun(String environment, List<Mainline.Step> steps, List<Optional<String>> keys,
      Map<String, RevisionReading> made, RevisionChunks.Run run) {
    ReadCache store = mainline.cache().store();
    if (!store.enabled()) {
      return null;
    }
    List<String> wanted = keys.subList(run.from(), run.to()).stream().map(Optional::orElseThrow).toList();
    String key = RevisionChunks.key(wanted);
    Optional<List<RevisionReading>> filed = mainline.cache()
        .find(RevisionChunks.KIND, key, payload -> RevisionChunks.decode(payload, wanted, canonical))
        .flatMap(ending -> ending); // empty: not filed, not decodable, or not the end of the run filed
    if (filed.isPresent()) {
      return filed.get();
    }
    List<RevisionReading> readings = new ArrayList<>(run.size());
    for (int i = run.from(); i < run.to(); i++) {
      String one = wanted.get(i - run.from());
      CommitInfo commit = steps.get(i).commit();
      RevisionReading r = mainline.cache().find(RevisionReading.KIND, one, RevisionReading::decode)
          .orElseGet(() -> made.containsKey(one) ? made.get(one) : parse(environment, commit, null, null));
      readings.add(r.in(canonical));
    }
    // filed as the next night decodes it: the run's references as positions in its table, so the tally
    // and the assessment take them as they take a decoded run's, and no revision keeps a hash map
    RevisionChunks.Filed asFiled = RevisionChunks.file(readings, canonical);
    byte[] encoded = asFiled.encode(wanted);
    // beside the runs filed under the same key before: a rolled-back lockfile's key may end several
    store.update(RevisionChunks.KIND, key, before -> RevisionChunks.entry(encoded, wanted, before));
    return asFiled.readings();
  }

  /**
   * Read from the read cache when these blobs were read before, else taken from what the walk made
   * ({@code made}, by key), else read from the revision's blobs.
   */
  private EnvRevision read(String environment, CommitInfo commit, Instant from, Instant validUntil, Optional<String> key,
      Map<String, RevisionReading> made, String entry) {
    RevisionReading reading = reading(environment, commit, key, made, entry);
    return revision(environment, commit, from, reading.in(canonical), validUntil);
  }

  /** {@code entry}: the lockfile's at {@code commit}, which may be kept whole when the revision has no key. */
  private RevisionReading reading(String environment, CommitInfo commit, Optional<String> key,
      Map<String, RevisionReading> made, String entry) {
    return mainline.cache().get(RevisionReading.KIND, key, RevisionReading::decode, RevisionReading::encode, () -> {
      RevisionReading walkedOne = key.map(made::get).orElse(null);
      return walkedOne != null ? walkedOne
          : parse(environment, commit, key.isEmpty() ? keyless.get(entry) : null, null);
    });
  }

  /** {@code reading}: its references already canonical. */
  private EnvRevision revision(String environment, CommitInfo commit, Instant from, RevisionReading reading,
      Instant validUntil) {
    return new EnvRevision(environment, commit, from, validUntil, reading.refs(), reading.problems(),
        dateWarnings(commit, from), reading.datastores());
  }

  /**
   * {@code whole}: the lockfile at {@code commit} already read whole, or null to read it here;
   * {@code content}: its bytes already read (by the walk), or null to read them here.
   */
  private RevisionReading parse(String environment, CommitInfo commit, Parsed<Lockfile> whole, byte[] content) {
    if (whole == null) {
      parsed.incrementAndGet(); // else counted where it was read whole (the walk)
    }
    EstateFiles files = git.filesAt(commit);
    if (content != null) {
      files = new KnownFiles(files, Lockfile.path(environment), content, path -> mainline.entry(commit, path), blobs);
    }
    Parsed<Estate> estate = EstateReader.read(files, environment,
        bytes -> whole != null ? whole : LockfileReader.read(Lockfile.path(environment), bytes, environment, memo));
    Map<Ref, List<String>> refs = estate.value() == null ? Map.of() : sharedRefs.of(estate.value().lockfile());
    List<Problem> problems = estate.problems();
    if (estate.value() == null && problems.isEmpty()) {
      problems = List.of(Problem.at(Lockfile.path(environment), 0, "the lockfile could not be read", null));
    }
    List<dev.phoenix.model.Datastore> datastores = estate.value() == null ? List.of()
        : estate.value().stacks().stream().flatMap(st -> st.datastores().stream()).toList();
    return new RevisionReading(refs, problems, datastores);
  }

  private List<String> dateWarnings(CommitInfo commit, Instant from) {
    if (!commit.committedAt().isAfter(now.plus(Mainline.CLOCK_SKEW))) {
      return List.of();
    }
    return List.of("commit " + commit.shortId() + " is dated " + commit.committedAt() + ", in the future (now is "
        + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): counted as in force from " + from
        + "; show/rebuild --at a date reach it only once that date has come, --at " + commit.shortId() + " reaches it now");
  }
}
