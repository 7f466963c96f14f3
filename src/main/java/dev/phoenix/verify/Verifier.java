package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Runner;
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
import java.util.concurrent.atomic.AtomicInteger;

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

  public VerifyResult verify(VerifyRequest request) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    Instant deadline = Instant.now().plus(request.deadline()); // real time, whatever clock dates the report
    dev.phoenix.history.TimeTravel.requireCommits(git);
    Revisions revisions = new Revisions(git, clock.instant());
    List<String> envs = request.allEnvironments() ? revisions.environmentsAtHead() : request.environments();
    if (envs.isEmpty()) {
      throw PhoenixException.input("no environment to verify",
          request.allEnvironments() ? "no environments/<env>/environment.lock.yaml exists at HEAD"
              : "name one with --env ENV, or use --all-envs");
    }
    Map<String, List<EnvRevision>> byEnv = new LinkedHashMap<>();
    Set<Ref> unique = new LinkedHashSet<>();
    int uses = 0;
    int count = 0;
    for (String env : new LinkedHashSet<>(envs)) {
      List<EnvRevision> list = revisions.of(env, request.window());
      byEnv.put(env, list);
      for (EnvRevision r : list) {
        unique.addAll(r.refs().keySet());
        uses += r.refs().size();
        count++;
      }
    }
    long readNanos = System.nanoTime() - startNanos;
    int total = unique.size();
    AtomicInteger checked = new AtomicInteger();
    CheckOptions options = new CheckOptions(request.deep(), request.concurrency(), deadline,
        request.insecureRegistries(), r -> progress.advanced(checked.incrementAndGet(), total));
    progress.started(total);
    Map<Ref, Finding> findings = Checks.run(checkers, unique, options);
    progress.finished(Math.min(checked.get(), total), total);
    long checkNanos = System.nanoTime() - startNanos - readNanos;
    Instant now = clock.instant();
    Map<String, Map<Ref, Finding>> seen = withProtection(byEnv, findings, request.concurrency(), deadline);
    List<EnvReport> reports = new ArrayList<>();
    DataChecks data = new DataChecks(catalogs);
    CheckOptions quiet = new CheckOptions(request.deep(), request.concurrency(), deadline, request.insecureRegistries(),
        r -> { });
    byEnv.forEach((env, list) -> reports.add(Assessment.of(env, request.window(), list, seen.get(env), now)
        .withData(data.of(env, list, request.window(), quiet, now))));
    VerifyResult.Stats stats = new VerifyResult.Stats(count, uses, unique.size(),
        VerifyResult.Stats.count(findings.values().stream().map(Finding::status).toList()),
        Duration.ofNanos(System.nanoTime() - startNanos), Duration.ofNanos(readNanos), Duration.ofNanos(checkNanos));
    return new VerifyResult(List.copyOf(reports), request.window(), stats, request.deep(), request.strict(), start);
  }

  /**
   * The run's findings as each environment sees them: OK but without the environment's protection
   * mark is AT_RISK. The probes (one or two store calls each) run on the {@link Runner}, one lane
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
