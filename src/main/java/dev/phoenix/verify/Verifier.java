package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Runner;
import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code phoenix verify}: reads every lockfile revision in the window, checks each unique
 * reference once through the store checkers, and assesses when each environment was restorable.
 *
 * <pre>{@code
 * VerifyResult r = new Verifier(git, checkers, ProgressListener.NONE, Clock.systemUTC()).verify(request);
 * r.environments().forEach(e -> System.out.println(e.summary()));
 * }</pre>
 */
public final class Verifier {
  private final GitRepository git;
  private final List<dev.phoenix.check.RefChecker> checkers;
  private final ProgressListener progress;
  private final Clock clock;
  private final ProtectionProbe protection;
  private final List<dev.phoenix.check.BackupCatalog> catalogs;

  public Verifier(GitRepository git, List<dev.phoenix.check.RefChecker> checkers, ProgressListener progress,
      Clock clock) {
    this(git, checkers, progress, clock, ProtectionProbe.NONE);
  }

  /** With {@code protection}, references found OK but unprotected for an environment are AT_RISK there. */
  public Verifier(GitRepository git, List<dev.phoenix.check.RefChecker> checkers, ProgressListener progress,
      Clock clock, ProtectionProbe protection) {
    this(git, checkers, progress, clock, protection, List.of());
  }

  /** With {@code catalogs}, every datastore's backups are checked over the window against its RPO. */
  public Verifier(GitRepository git, List<dev.phoenix.check.RefChecker> checkers, ProgressListener progress,
      Clock clock, ProtectionProbe protection, List<dev.phoenix.check.BackupCatalog> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    this.git = git;
    this.checkers = List.copyOf(checkers);
    this.progress = progress;
    this.clock = clock;
    this.protection = protection;
  }

  /**
   * Reads the window and checks every unique reference once; an environment's references are
   * checked as soon as it is read, while the others still are ({@link EarlyChecks}).
   * {@code checkingMs} is the time from the end of reading to the end of checking.
   */
  public VerifyResult verify(VerifyRequest request) {
    Instant deadline = Instant.now().plus(request.deadline()); // real time, whatever clock dates the report
    CheckProgress counted = new CheckProgress(progress);
    CheckOptions options = options(request, deadline, counted);
    Read read;
    Map<Ref, Finding> findings;
    try (EarlyChecks early = new EarlyChecks(batch -> Checks.run(checkers, batch, options))) {
      read = read(request, deadline, early::read);
      counted.started(read.unique().size());
      findings = early.rest(read.unique());
    }
    counted.finished();
    long checkNanos = System.nanoTime() - read.startNanos() - read.readNanos();
    Map<String, Map<Ref, Finding>> seen = withProtection(read.byEnv(), findings, request.concurrency(),
        read.deadline());
    Instant now = clock.instant();
    Map<String, List<DataReport>> data = data(read, request, now);
    return assemble(read.byEnv(), request.window(), seen, data, new VerifyResult.Stats(read.count(), read.uses(),
        read.unique().size(), VerifyResult.Stats.count(findings.values().stream().map(Finding::status).toList()),
        Durations.since(read.startNanos()), Duration.ofNanos(read.readNanos()),
        Duration.ofNanos(checkNanos)), request.deep(), request.strict(), read.start(), now);
  }

  /** Every datastore's backups over the window against its RPO, per environment (none without catalogs). */
  private Map<String, List<DataReport>> data(Read read, VerifyRequest request, Instant now) {
    Map<String, List<DataReport>> out = new LinkedHashMap<>();
    DataChecks data = new DataChecks(catalogs, protection.forBackups());
    CheckOptions quiet = new CheckOptions(request.deep(), request.concurrency(), read.deadline(),
        request.insecureRegistries(), r -> { });
    read.byEnv().forEach((env, list) -> out.put(env, data.of(env, list, request.window(), quiet, now)));
    return out;
  }

  /**
   * One shard of a run spread over machines: reads the whole window, checks only the unique
   * references {@code shard} owns, and returns its part for {@link ShardMerge}. Shard
   * {@value ShardRun#DATA_SHARD} also lists and checks every datastore's backups (RPO coverage,
   * anchored at the run's start as the merge assesses everything). {@code head}: the
   * commit the history was read at (the shards of one run must agree on it).
   */
  public ShardRun verifyShard(VerifyRequest request, Shard shard, String head) {
    Read read = read(request);
    Set<Ref> mine = new LinkedHashSet<>();
    read.unique().forEach(ref -> {
      if (shard.owns(ref)) {
        mine.add(ref);
      }
    });
    Map<Ref, Finding> findings = check(read, mine, request);
    long checkNanos = System.nanoTime() - read.startNanos() - read.readNanos();
    Map<String, Map<Ref, Finding>> seen = withProtection(read.byEnv(), findings, request.concurrency(),
        read.deadline());
    Map<String, Finding> byId = new LinkedHashMap<>();
    findings.forEach((ref, f) -> byId.put(ref.id(), f));
    Map<String, Map<String, Finding>> perEnv = new LinkedHashMap<>();
    seen.forEach((env, map) -> {
      Map<String, Finding> differs = new LinkedHashMap<>();
      map.forEach((ref, f) -> {
        if (mine.contains(ref) && !f.equals(findings.get(ref))) {
          differs.put(ref.id(), f);
        }
      });
      perEnv.put(env, differs);
    });
    VerifyWindow w = request.window();
    ShardRun.Key key = new ShardRun.Key(head, List.copyOf(read.byEnv().keySet()), w.from(), w.to(), w.asked(),
        w.untilNow(), read.start(), request.deep(), request.strict(), protection != ProtectionProbe.NONE,
        shard.count());
    // the datastores' coverage is one listing per backup place, not split by reference: the first shard does it
    Map<String, List<DataReport>> data = shard.index() == ShardRun.DATA_SHARD ? data(read, request, read.start())
        : Map.of();
    return new ShardRun(shard, key, byId, perEnv, read.count(), read.uses(), read.unique().size(),
        Durations.since(read.startNanos()), Duration.ofNanos(read.readNanos()),
        Duration.ofNanos(checkNanos), data);
  }

  /** The window's revisions per environment, read once: what every run (whole or shard) starts from. */
  record Read(Instant start, long startNanos, Instant deadline, Map<String, List<EnvRevision>> byEnv, Set<Ref> unique,
      int uses, int count, long readNanos) {}

  Read read(VerifyRequest request) {
    return read(request, Instant.now().plus(request.deadline()), (Revisions.EnvRead read) -> { });
  }

  /** {@code eachRead}: told each environment's revisions as soon as they are read. */
  private Read read(VerifyRequest request, Instant deadline,
      java.util.function.Consumer<Revisions.EnvRead> eachRead) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    Map<String, List<EnvRevision>> byEnv = revisions(git, request, start, eachRead);
    Tally tally = Tally.of(byEnv);
    return new Read(start, startNanos, deadline, byEnv, tally.unique(), tally.uses(), tally.count(),
        System.nanoTime() - startNanos);
  }

  /** The unique references of the revisions read, how many uses they have, how many revisions: the run's stats. */
  record Tally(Set<Ref> unique, int uses, int count) {
    static Tally of(Map<String, List<EnvRevision>> byEnv) {
      SeenRefs unique = new SeenRefs();
      Map<RunTable, boolean[]> passed = new java.util.IdentityHashMap<>(); // per run from the cache: references added
      int uses = 0;
      int count = 0;
      for (List<EnvRevision> list : byEnv.values()) {
        for (EnvRevision r : list) {
          if (r.refs() instanceof RunRefs run) { // a reference added before is known by its id: no hash
            boolean[] added = passed.computeIfAbsent(run.table, t -> new boolean[t.size()]);
            for (int p : run.positions) {
              int id = run.table.refId[p];
              if (!added[id]) {
                added[id] = true;
                unique.add(run.table.refs[p]);
              }
            }
          } else {
            for (Ref ref : r.refs().keySet()) {
              unique.add(ref);
            }
          }
          uses += r.refs().size();
          count++;
        }
      }
      return new Tally(unique.inOrder(), uses, count);
    }
  }

  /** Each environment's revisions in the window as of {@code now} (the commits read, the future-dated ones placed). */
  static Map<String, List<EnvRevision>> revisions(GitRepository git, VerifyRequest request, Instant now) {
    return revisions(git, request, now, (Revisions.EnvRead read) -> { });
  }

  private static Map<String, List<EnvRevision>> revisions(GitRepository git, VerifyRequest request, Instant now,
      java.util.function.Consumer<Revisions.EnvRead> eachRead) {
    dev.phoenix.history.TimeTravel.requireCommits(git);
    List<String> envs = request.allEnvironments() ? new Revisions(git, now).environmentsAtHead()
        : request.environments();
    if (envs.isEmpty()) {
      throw PhoenixException.input("no environment to verify",
          request.allEnvironments() ? "no environments/<env>/environment.lock.yaml exists at HEAD"
              : "name one with --env ENV, or use --all-envs");
    }
    return Revisions.ofEach(git, now, List.copyOf(new LinkedHashSet<>(envs)), request.window(), eachRead);
  }

  private Map<Ref, Finding> check(Read read, Set<Ref> refs, VerifyRequest request) {
    CheckProgress counted = new CheckProgress(progress);
    counted.started(refs.size());
    Map<Ref, Finding> findings = Checks.run(checkers, refs, options(request, read.deadline(), counted));
    counted.finished();
    return findings;
  }

  /** The checkers' options for this request: each reference they finish counts for the progress. */
  private static CheckOptions options(VerifyRequest request, Instant deadline, CheckProgress counted) {
    return new CheckOptions(request.deep(), request.concurrency(), deadline, request.insecureRegistries(),
        r -> counted.checked());
  }


  /** The reports per environment and the result, from findings as each environment sees them. */
  static VerifyResult assemble(Map<String, List<EnvRevision>> byEnv, VerifyWindow window,
      Map<String, Map<Ref, Finding>> seen, Map<String, List<DataReport>> data, VerifyResult.Stats stats, boolean deep,
      boolean strict, Instant start, Instant now) {
    List<EnvReport> reports = new ArrayList<>();
    byEnv.forEach((env, list) -> reports.add(Assessment.of(env, window, list, seen.get(env), now)
        .withData(data.getOrDefault(env, List.of()))));
    return new VerifyResult(List.copyOf(reports), window, stats, deep, strict, start);
  }

  /**
   * The run's findings as each environment sees them: OK but without the environment's protection
   * mark is AT_RISK. The probes (one or two store calls each, fewer when the probe's keepers
   * answer from what they read for another environment) run on the {@link Runner}, one lane
   * per store, {@code concurrency} at a time in each, under the run's deadline.
   */
  private Map<String, Map<Ref, Finding>> withProtection(Map<String, List<EnvRevision>> byEnv,
      Map<Ref, Finding> findings, int concurrency, Instant deadline) {
    Map<String, Map<Ref, Finding>> out = new LinkedHashMap<>();
    if (protection == ProtectionProbe.NONE) {
      byEnv.keySet().forEach(env -> out.put(env, findings));
      return out;
    }
    List<Runner.Unit<Optional<Finding>>> probes = new ArrayList<>();
    List<Map.Entry<String, Ref>> asked = new ArrayList<>();
    byEnv.forEach((env, revisions) -> {
      Set<Ref> mine = new LinkedHashSet<>();
      revisions.forEach(r -> r.refs().keySet().forEach(ref -> {
        Finding f = findings.get(ref);
        if (f != null && f.status() == dev.phoenix.check.Status.OK && mine.add(ref)) {
          probes.add(new Runner.Unit<>(ref.store(), null, () -> protection.concern(ref, env)));
          asked.add(Map.entry(env, ref));
        }
      }));
    });
    List<Optional<Finding>> concerns = Runner.lanes(concurrency).until(deadline, Duration.ZERO).named("verify-protection")
        .run(probes, new Runner.Outcomes<>() {
          @Override
          public Optional<Finding> late(Runner.Unit<Optional<Finding>> unit) {
            return Optional.of(Checks.DEADLINE);
          }

          /** A probe that failed outright makes the reference UNKNOWN: its protection could not be checked. */
          @Override
          public Optional<Finding> failed(Runner.Unit<Optional<Finding>> unit, RuntimeException e) {
            return Optional.of(Finding.unknown("present, but its protection could not be checked: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
          }
        });
    byEnv.keySet().forEach(env -> out.put(env, new LinkedHashMap<>(findings)));
    for (int i = 0; i < asked.size(); i++) {
      Map.Entry<String, Ref> probe = asked.get(i);
      concerns.get(i).ifPresent(finding -> out.get(probe.getKey()).put(probe.getValue(), finding));
    }
    return out;
  }
}
