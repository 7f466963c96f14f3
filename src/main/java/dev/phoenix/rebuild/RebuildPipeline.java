package dev.phoenix.rebuild;

import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Refs;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.PhoenixException.Kind;
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
 * are thrown as {@link PhoenixException} and leave no record. The target's lock is taken after
 * resolve, before preflight; from then on every ending writes a drill record and is returned as a
 * {@link RebuildResult} — also SIGINT/SIGTERM, whose record says {@code interrupted} (see {@link
 * Ending}).
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
            + r.estate().stacks().size() + " stack(s), " + r.estate().lockfile().artefacts().size() + " artefact(s)"
            + (r.region() == null ? "" : ", copies in " + r.region().name()));
    record.resolved(resolved);

    try (TargetLock lock = target.lock(request.environment(), request.out(), settings, progress);
        Ending ending = new Ending(records, record, phases, progress, lock)) {
      progress.line(lock.describe());
      return run(request, settings, resolved, record, phases, ending);
    }
  }

  private RebuildResult run(RebuildRequest request, TargetSettings settings, Resolved resolved, RecordBuilder record,
      PhaseRunner phases, Ending ending) {
    Map<Ref, List<String>> refs = Refs.of(resolved.estate().lockfile());
    Preflight.Result pre = phases.run("preflight",
        () -> new Preflight(checkers).check(refs.keySet(), request.checkOptions(), resolved.region()),
        p -> p.count(dev.phoenix.check.Status.OK) + " OK, " + p.count(dev.phoenix.check.Status.AT_RISK)
            + " at risk, " + p.unknown().size() + " unknown, " + p.breaking().size() + " missing/corrupt",
        p -> !p.breaking().isEmpty() || !p.unknown().isEmpty() && !request.allowUnknown() ? "stopped" : "ok");
    record.preflight(pre);
    if (!pre.breaking().isEmpty()) {
      return ending.finish(RebuildOutcome.STOPPED_AT_PREFLIGHT, pre.breaking().size()
          + " pinned reference(s) missing or corrupt" + RegionResolve.stopped(resolved.region())
          + "; nothing was built", Kind.CHECK_FAILED, null, pre);
    }
    if (!pre.unknown().isEmpty() && !request.allowUnknown()) {
      return ending.finish(RebuildOutcome.STOPPED_AT_PREFLIGHT, pre.unknown().size()
          + " pinned reference(s) could not be checked (UNKNOWN); nothing was built (--allow-unknown to go on)",
          Kind.UNAVAILABLE, null, pre);
    }

    Path targetDir = UnderRoot.resolve(request.out(), request.environment(), target.name());
    createDirectories(targetDir);
    TargetContext context = new TargetContext(request.environment(), targetDir, settings, request.apply(),
        request.savedPlans(), request.engine(), request.engineTimeout(), confirm, progress, record.id(),
        record::started, record::data);
    Prepared prepared;
    try {
      prepared = phases.run("synth", () -> target.synthesize(resolved, context),
          p -> p.stacks().size() + " stack(s)" + (p.cacheHit() ? " (cached, unchanged)" : "")
              + (p.materialized().isEmpty() ? "" : ", " + p.materialized().size() + (request.apply() ? " materialized" : " to materialize on apply")));
    } catch (PhoenixException e) {
      if (e.kind() == Kind.INPUT) {
        throw e;
      }
      return ending.finish(RebuildOutcome.FAILED, "synth: " + e.getMessage(), e.kind(), null, pre);
    }
    record.prepared(prepared);
    Deployed deployed;
    try {
      deployed = phases.run("engine", () -> target.deploy(resolved, prepared, context),
          d -> d.outcome().word() + (d.failureReason() == null ? "" : ": " + d.failureReason()),
          d -> d.outcome() == RebuildOutcome.FAILED ? "failed" : d.outcome() == RebuildOutcome.STOPPED_AFTER_SYNTH ? "stopped" : "ok");
    } catch (PhoenixException e) {
      return ending.finish(RebuildOutcome.FAILED, "engine: " + e.getMessage(),
          e.kind() == Kind.INPUT ? Kind.CHECK_FAILED : e.kind(), prepared, pre);
    }
    record.deployed(deployed);
    Kind kind = switch (deployed.outcome()) {
      case SUCCEEDED, PLANNED -> null;
      case STOPPED_AFTER_SYNTH -> Kind.UNAVAILABLE;
      default -> Kind.CHECK_FAILED;
    };
    return ending.finish(deployed.outcome(), deployed.failureReason(), kind, prepared, pre);
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
