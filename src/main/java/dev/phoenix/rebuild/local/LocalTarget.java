package dev.phoenix.rebuild.local;

import dev.phoenix.check.Backup;
import dev.phoenix.core.Durations;
import dev.phoenix.core.Problem;
import dev.phoenix.docker.Docker;
import dev.phoenix.rebuild.Deployed;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.RebuildOutcome;
import dev.phoenix.rebuild.Prepared;
import dev.phoenix.rebuild.Progress;
import dev.phoenix.rebuild.Resolved;
import dev.phoenix.rebuild.Target;
import dev.phoenix.rebuild.TargetContext;
import dev.phoenix.rebuild.TargetLock;
import dev.phoenix.rebuild.TargetSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --target local}: the rebuild pipeline's resolve and preflight, then the estate brought up
 * on the local Docker daemon by {@link LocalDrill}. Always starts containers (with or without
 * {@code --apply}): local containers are disposable and {@code phoenix teardown} removes them.
 * Options (targets.yaml {@code targets.local} or {@code --target-option}): {@code parallelism},
 * {@code healthTimeout} (seconds), {@code logLines}, {@code dockerTimeout} (seconds each Docker daemon
 * call may take, default 60); {@code configRegion} (else {@code region}) and {@code endpoint} for the
 * AWS stores config values, Lambda packages and datastore dumps are read from; {@code restoreJobs}
 * (pg_restore's parallel jobs, default the host's processors up to 4). Datastores come back first,
 * as at the rebuild's date ({@link Resolved#dataTime}), each dump streamed into {@code
 * <out>/<env>/local/datastores} while it is restored. The rebuild lock lives on the Docker
 * daemon ({@link DaemonLock}), not under {@code --out}.
 */
public final class LocalTarget implements Target {
  public static final String NAME = "local";
  static final Set<String> KNOWN =
      Set.of("parallelism", "healthTimeout", "logLines", "dockerTimeout", "region", "configRegion", "endpoint",
          "restoreJobs");

  private final Function<TargetSettings, LocalServices> connect;
  private volatile DrillOutcome last;

  /**
   * The Docker daemon (DOCKER_HOST or the default socket, each call bounded by {@code dockerTimeout})
   * with the run's config and package readers: AWS clients are built by whoever made them (the
   * run's stores), on first use only, so an estate with plain values and no functions never
   * touches AWS.
   */
  public LocalTarget(ConfigResolver config, PackageFetcher packages) {
    this(config, packages, DumpStore.none());
  }

  /** As {@link #LocalTarget(ConfigResolver, PackageFetcher)}, datastores restored from {@code dumps}. */
  public LocalTarget(ConfigResolver config, PackageFetcher packages, DumpStore dumps) {
    this(settings -> new LocalServices(Docker.connect(dockerTimeout(settings)), config, packages, dumps, null));
  }

  public LocalTarget(Function<TargetSettings, LocalServices> connect) {
    this.connect = connect;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void validate(TargetSettings settings, String environment, boolean apply) {
    List<Problem> problems = new ArrayList<>(settings.unknownKeys(KNOWN));
    positive(settings, "parallelism", 64, problems);
    positive(settings, "healthTimeout", 3600, problems);
    positive(settings, "logLines", 1000, problems);
    positive(settings, "dockerTimeout", 3600, problems);
    positive(settings, "restoreJobs", 64, problems);
    TargetSettings.requireNone(problems, "the local target's options");
  }

  @Override
  public TargetLock lock(String environment, Path out, TargetSettings settings, Progress progress) {
    Docker docker = Docker.connect(dockerTimeout(settings));
    try {
      return DaemonLock.acquire(docker, true, environment, NAME, progress::line);
    } catch (RuntimeException e) {
      docker.close();
      throw e;
    }
  }

  @Override
  public String forceUnlock(String environment, Path out, TargetSettings settings) {
    try (Docker docker = Docker.connect(dockerTimeout(settings))) {
      return DaemonLock.forceUnlock(docker, environment, NAME);
    }
  }

  public static Duration dockerTimeout(TargetSettings s) {
    return s.get("dockerTimeout").map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
        .orElse(Docker.DEFAULT_CALL_TIMEOUT);
  }

  @Override
  public Prepared synthesize(Resolved resolved, TargetContext context) {
    DrillPlan plan = DrillPlan.of(resolved.estate());
    List<Prepared.PreparedStack> stacks = plan.stacks().stream()
        .map(s -> new Prepared.PreparedStack(s.name(), context.outDir())).toList();
    String note = (plan.datastores().isEmpty() ? "" : plan.datastores().size() + " datastore(s) restored as at "
        + resolved.dataTime(Instant.now()) + " first, then ") + plan.services().size() + " service(s) in "
        + plan.containerNames().size() + " container(s), " + plan.functions().size()
        + " function(s) (fetched and checked, not executed: no local Lambda runtime)";
    return new Prepared(stacks, false, List.of(), List.of(note));
  }

  @Override
  public boolean appliesWithoutFlag() {
    return true;
  }

  @Override
  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext context) {
    DrillOptions options = options(context.settings());
    String drillId = context.drillId();
    DrillOutcome outcome;
    try (LocalServices services = connect.apply(context.settings())) {
      context.progress().line("local: Docker " + services.docker().host() + ", drill " + drillId);
      Instant at = resolved.dataTime(Instant.now());
      DumpStore dumps = resolved.mirrorCopies() == null ? services.dumps()
          : DumpStore.inMirror(services.dumps(), resolved.mirrorCopies()); // rebuild --region: the ledger's copies
      DataRestore data = new DataRestore(dumps, at, context.outDir().resolve("datastores"),
          restoreJobs(context.settings()), d -> context.data().accept(dataUsed(d, at)));
      outcome = new LocalDrill(services.docker(), services.config(), services.packages(), options, data)
          .run(resolved.estate(), resolved.commit(), drillId, context.started());
    }
    last = outcome;
    DrillLines.progress(outcome).forEach(context.progress()::line);
    DrillPlan plan = DrillPlan.of(resolved.estate());
    List<Deployed.StackRun> runs = new ArrayList<>();
    for (DrillPlan.StackPlan stack : plan.stacks()) {
      List<String> parts = new ArrayList<>();
      outcome.services().stream().filter(s -> s.stack().equals(stack.name())).forEach(s -> parts.add(DrillLines.service(s)));
      outcome.functions().stream().filter(f -> f.stack().equals(stack.name())).forEach(f -> parts.add(DrillLines.function(f)));
      String planned = "local drill " + drillId + ": " + stack.services().size() + " service(s), "
          + stack.functions().size() + " function(s)";
      runs.add(new Deployed.StackRun(stack.name(), planned, String.join("; ", parts), null));
    }
    String reason = outcome.ok() ? null : outcome.failure() != null ? outcome.failure()
        : outcome.failedServices().size() + " service(s) not healthy: " + String.join(", ",
            outcome.failedServices().stream().map(ServiceResult::service).toList())
            + " (drill " + drillId + "; containers kept for inspection, phoenix teardown removes them)";
    return new Deployed(outcome.ok() ? RebuildOutcome.SUCCEEDED : RebuildOutcome.FAILED, runs, reason);
  }

  /** A datastore's data for the drill record: the backup pinned, the RPO achieved, the restore's time and count. */
  static DrillRecord.DataUsed dataUsed(DatastoreResult d, Instant at) {
    Backup b = d.chosen();
    LocalDatastoreRestore.Restored r = d.restored();
    String status = d.failed() ? DrillRecord.DataUsed.FAILED : r != null ? DrillRecord.DataUsed.RESTORED
        : DrillRecord.DataUsed.CHOSEN;
    return new DrillRecord.DataUsed(d.datastore(), d.engine(), b == null ? null : b.object().id(),
        b == null ? null : b.sha256(), b == null ? null : b.takenAt().toString(),
        b == null ? null : b.rpoAt(at).toMillis(), b == null ? null : Durations.span(b.rpoAt(at)),
        r == null ? null : r.restoreTime().toMillis(), r == null ? null : r.probeCount(), status, d.failure());
  }

  static int restoreJobs(TargetSettings s) {
    return s.get("restoreJobs").map(v -> Integer.parseInt(v.strip()))
        .orElse(Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** The outcome of the last {@link #deploy}, with per-service timings; null before. */
  public DrillOutcome lastOutcome() {
    return last;
  }

  static DrillOptions options(TargetSettings s) {
    DrillOptions d = DrillOptions.DEFAULT;
    return new DrillOptions(
        s.get("healthTimeout").map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(d.healthDeadline()),
        s.get("parallelism").map(Integer::parseInt).orElse(d.parallelism()),
        s.get("logLines").map(Integer::parseInt).orElse(d.logLines()));
  }

  private static void positive(TargetSettings s, String key, int max, List<Problem> problems) {
    s.get(key).ifPresent(v -> {
      try {
        int n = Integer.parseInt(v.strip());
        if (n < 1 || n > max) {
          problems.add(s.problem(key, "must be 1.." + max + ", was " + n, null));
        }
      } catch (NumberFormatException e) {
        problems.add(s.problem(key, "not a whole number: '" + v + "'", null));
      }
    });
  }
}
