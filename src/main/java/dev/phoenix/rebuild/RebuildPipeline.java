package dev.phoenix.rebuild;

import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Refs;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.PhoenixException.Kind;
import dev.phoenix.engine.RebuildLock;
import dev.phoenix.engine.RebuildLockException;
import dev.phoenix.git.GitRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import dev.phoenix.core.UnderRoot;
import dev.phoenix.model.NameRules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared rebuild pipeline: resolve → preflight → synth → engine → record, each phase timed and
 * reported to {@link Progress}. What is target-specific is behind {@link Target}.
 *
 * <p>Errors before anything was built (bad input, invalid revision, target options, lock held)
 * are thrown as {@link PhoenixException} and leave no record. From preflight on, every ending
 * writes a drill record and is returned as a {@link RebuildResult}.
 */
public final class RebuildPipeline {
  private final GitRepository git;
  private final Target target;
  private final List<RefChecker> checkers;
  private final Progress progress;
  private final Confirm confirm;

  public RebuildPipeline(GitRepository git, Target target, List<RefChecker> checkers, Progress progress,
      Confirm confirm) {
    this.git = git;
    this.target = target;
    this.checkers = List.copyOf(checkers);
    this.progress = progress;
    this.confirm = confirm;
  }

  public RebuildResult run(RebuildRequest request) {
    NameRules.ENVIRONMENT.require(request.environment(), "--env"); // before any path is built from it
    Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    RecordBuilder record = new RecordBuilder(request, target.name(),
        request.apply() || target.appliesWithoutFlag(), startedAt, System.nanoTime());
    PhaseRunner phases = new PhaseRunner(progress);
    DrillRecords records = new DrillRecords(request.drills());
    TargetSettings settings = TargetsFile.read(request.workTree(), request.environment(), target.name())
        .withFlags(request.targetFlags());
    target.validate(settings, request.environment(), request.apply());

    Resolved resolved = phases.run("resolve", () -> Resolve.run(git, request),
        r -> "commit " + r.revision().commit().shortId() + " (" + r.revision().commit().committedAt() + "), "
            + r.estate().stacks().size() + " stack(s), " + r.estate().lockfile().artefacts().size() + " artefact(s)");
    record.resolved(resolved);

    Map<Ref, List<String>> refs = Refs.of(resolved.estate().lockfile());
    Preflight.Result pre = phases.run("preflight",
        () -> new Preflight(checkers).check(refs.keySet(), request.checkOptions()),
        p -> p.count(dev.phoenix.check.Status.OK) + " OK, " + p.count(dev.phoenix.check.Status.AT_RISK)
            + " at risk, " + p.unknown().size() + " unknown, " + p.breaking().size() + " missing/corrupt",
        p -> !p.breaking().isEmpty() || !p.unknown().isEmpty() && !request.allowUnknown() ? "stopped" : "ok");
    record.preflight(pre);
    if (!pre.breaking().isEmpty()) {
      return finish(records, record, phases, Outcome.STOPPED_AT_PREFLIGHT, pre.breaking().size()
          + " pinned reference(s) missing or corrupt; nothing was built", Kind.CHECK_FAILED, null, pre);
    }
    if (!pre.unknown().isEmpty() && !request.allowUnknown()) {
      return finish(records, record, phases, Outcome.STOPPED_AT_PREFLIGHT, pre.unknown().size()
          + " pinned reference(s) could not be checked (UNKNOWN); nothing was built (--allow-unknown to go on)",
          Kind.UNAVAILABLE, null, pre);
    }

    Path targetDir = UnderRoot.resolve(request.out(), request.environment(), target.name());
    createDirectories(targetDir);
    TargetContext context = new TargetContext(request.environment(), targetDir, settings, request.apply(),
        request.savedPlans(), request.engine(), request.engineTimeout(), confirm, progress, record.id());
    try (RebuildLock lock = lock(request)) {
      progress.line("lock " + lock.file() + " held by " + lock.holder().describe());
      Prepared prepared;
      try {
        prepared = phases.run("synth", () -> target.synthesize(resolved, context),
            p -> p.stacks().size() + " stack(s)" + (p.cacheHit() ? " (cached, unchanged)" : "")
                + (p.materialized().isEmpty() ? "" : ", " + p.materialized().size() + (request.apply() ? " materialized" : " to materialize on apply")));
      } catch (PhoenixException e) {
        if (e.kind() == Kind.INPUT) {
          throw e;
        }
        return finish(records, record, phases, Outcome.FAILED, "synth: " + e.getMessage(), e.kind(), null, pre);
      }
      record.prepared(prepared);
      Deployed deployed;
      try {
        deployed = phases.run("engine", () -> target.deploy(resolved, prepared, context),
            d -> d.outcome().word() + (d.failureReason() == null ? "" : ": " + d.failureReason()),
            d -> d.outcome() == Outcome.FAILED ? "failed" : d.outcome() == Outcome.STOPPED_AFTER_SYNTH ? "stopped" : "ok");
      } catch (PhoenixException e) {
        return finish(records, record, phases, Outcome.FAILED, "engine: " + e.getMessage(),
            e.kind() == Kind.INPUT ? Kind.CHECK_FAILED : e.kind(), prepared, pre);
      }
      record.deployed(deployed);
      Kind kind = switch (deployed.outcome()) {
        case SUCCEEDED, PLANNED -> null;
        case STOPPED_AFTER_SYNTH -> Kind.UNAVAILABLE;
        default -> Kind.CHECK_FAILED;
      };
      return finish(records, record, phases, deployed.outcome(), deployed.failureReason(), kind, prepared, pre);
    }
  }

  private RebuildLock lock(RebuildRequest request) {
    try {
      return RebuildLock.acquire(request.out(), request.environment(), target.name());
    } catch (RebuildLockException e) {
      throw new PhoenixException(Kind.UNAVAILABLE, e.getMessage(),
          "wait for that rebuild to finish; phoenix rebuild --force-unlock removes a stale lock", e);
    }
  }

  private static RebuildResult finish(DrillRecords records, RecordBuilder record, PhaseRunner phases, Outcome outcome,
      String reason, Kind kind, Prepared prepared, Preflight.Result pre) {
    Path file = phases.run("record", () -> {
      long start = System.nanoTime();
      record.build(outcome, reason, phases.timings()); // assembling it is the phase's work, timed into it
      List<PhaseTiming> timings = new java.util.ArrayList<>(phases.timings());
      timings.add(new PhaseTiming("record", java.time.Duration.ofNanos(System.nanoTime() - start), "ok", "written"));
      return records.write(record.build(outcome, reason, timings));
    }, f -> "written " + f);
    return new RebuildResult(DrillRecords.read(file), file, prepared, pre, kind);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static final Set<String> PHASES = Set.of("resolve", "preflight", "synth", "engine", "record");
}
