package dev.phoenix.rebuild.local;

import dev.phoenix.check.Backup;
import dev.phoenix.core.DaemonThreads;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Sensitive;
import dev.phoenix.docker.ContainerSummary;
import dev.phoenix.docker.Docker;
import dev.phoenix.docker.Named;
import dev.phoenix.model.Estate;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Brings an estate up on the local Docker daemon from its locked artefacts and proves every
 * service answers its health check. Prepare (pull, config, packages, the backup of each datastore
 * that belongs to D) first; then one network per environment; every datastore restored
 * ({@link LocalDatastoreRestore}: its server from the pinned image, the dump fetched, checked,
 * restored, probed), a service's {@code {datastore: NAME}} config being that server's address;
 * containers created (not started) for every service at once; then stacks started in
 * dependency order, the services of a ready stack in parallel (bounded by {@link
 * DrillOptions#parallelism()}). Containers left running on failure, for
 * inspection; {@link Teardown} removes them.
 */
public final class LocalDrill {
  private final Docker docker;
  private final ConfigResolver config;
  private final PackageFetcher packages;
  private final DrillOptions options;
  private final DataRestore data;

  /** A drill without a store of dumps: an estate with datastores fails before anything starts. */
  public LocalDrill(Docker docker, ConfigResolver config, PackageFetcher packages, DrillOptions options) {
    this(docker, config, packages, options, DataRestore.none());
  }

  /** A drill that restores its estate's datastores as {@code data} says before it starts any service. */
  public LocalDrill(Docker docker, ConfigResolver config, PackageFetcher packages, DrillOptions options,
      DataRestore data) {
    this.docker = docker;
    this.config = config;
    this.packages = packages;
    this.options = options;
    this.data = data;
  }

  /** Runs the drill; throws only when it could not run (daemon or AWS unreachable: UNAVAILABLE). */
  public DrillOutcome run(Estate estate, String commit, String drillId) {
    return run(estate, commit, drillId, started -> { });
  }

  /** As {@link #run(Estate, String, String)}, telling {@code started} of each network and container made. */
  public DrillOutcome run(Estate estate, String commit, String drillId, Consumer<String> started) {
    long t0 = System.nanoTime();
    DrillPlan plan = DrillPlan.of(estate);
    String env = plan.environment();
    String network = Labels.network(env);
    docker.apiVersion();
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), DaemonThreads.named("phoenix-drill"));
    ExecutorService starts = Executors.newFixedThreadPool(options.parallelism(), DaemonThreads.named("phoenix-drill"));
    try {
      Map<String, String> passwords = new LinkedHashMap<>();
      Map<String, Sensitive> addresses = new HashMap<>();
      for (DrillPlan.DatastorePlan d : plan.datastores()) {
        String password = LocalDatastoreRestore.newPassword();
        passwords.put(d.name(), password);
        addresses.put(d.name(), LocalDatastoreRestore.address(d.datastore(), password));
      }
      Preparation.Ready prepared = Preparation.run(plan, docker, ConfigResolver.withDatastores(addresses, config),
          packages, pool);
      // a datastore's address is masked by its password only: masking the whole address (and its
      // fragments) would hide the datastore's name and host in every line
      Set<String> addressValues = new java.util.HashSet<>();
      addresses.values().forEach(a -> addressValues.add(a.reveal()));
      List<String> secrets = new ArrayList<>(passwords.values());
      prepared.env().values().forEach(e -> e.storeValues().stream().filter(v -> !addressValues.contains(v))
          .forEach(secrets::add));
      SecretMask mask = SecretMask.of(secrets);
      List<String> failures = new ArrayList<>(prepared.failures());
      Map<String, DatastoreResult> chosen = chooseBackups(plan, failures);
      if (failures.isEmpty()) {
        List<String> foreign = Conflicts.find(docker, plan, network);
        if (!foreign.isEmpty()) {
          failures.add(String.join("; ", foreign) + ": Phoenix does not remove, replace or adopt what is not "
              + env + "'s; " + Conflicts.advice());
        }
      }
      if (!failures.isEmpty()) {
        List<ServiceResult> none = plan.services().stream().map(s -> ServiceResult.notStarted(s,
            prepared.pullMillis().getOrDefault(s.image().digestReference(), 0L), "preparation failed")).toList();
        return new DrillOutcome(env, commit, drillId, network, none, prepared.functions(), millis(t0),
            mask.mask("stopped before starting anything: " + String.join("; ", failures)),
            List.copyOf(chosen.values()));
      }
      try {
        String salt = ensureNetwork(network, env, commit, drillId, started);
        removeStale(plan, env);
        DrillContext drill = new DrillContext(env, commit, drillId, network, salt, t0, options, mask, started);
        List<DatastoreResult> datastores = restoreAll(plan, chosen, passwords, drill, pool);
        List<String> lost = datastores.stream().filter(DatastoreResult::failed).map(DatastoreResult::failure).toList();
        if (!lost.isEmpty()) {
          List<ServiceResult> none = plan.services().stream().map(s -> ServiceResult.notStarted(s,
              prepared.pullMillis().getOrDefault(s.image().digestReference(), 0L), "a datastore was not restored"))
              .toList();
          return new DrillOutcome(env, commit, drillId, network, none, prepared.functions(), millis(t0),
              "no service started: " + lost.size() + " datastore(s) not restored: " + String.join("; ", lost)
                  + " (the datastore containers are kept for inspection, phoenix teardown removes them)",
              datastores);
        }
        Map<String, ServiceResult> results = startAll(plan, prepared, new ServiceStarter(docker, drill), pool,
            starts);
        List<ServiceResult> ordered = plan.services().stream().map(s -> results.get(s.name())).toList();
        return new DrillOutcome(env, commit, drillId, network, ordered, prepared.functions(), millis(t0), null,
            datastores);
      } catch (PhoenixException e) {
        // the daemon's words may quote what containers were given: masked like container output, and
        // not chained (a --stacktrace would print the causes' unmasked messages)
        PhoenixException masked = new PhoenixException(e.kind(), mask.mask(e.getMessage()), e.fix());
        masked.setStackTrace(e.getStackTrace());
        throw masked;
      }
    } finally {
      pool.shutdownNow();
      starts.shutdownNow();
    }
  }

  /**
   * The backup that belongs to D for every datastore, before anything starts: one that cannot be
   * chosen (none at or before D, not a kind a local drill restores) is a failure naming it and what
   * to do. The store not answering stops the drill (UNAVAILABLE), naming the datastore.
   */
  private Map<String, DatastoreResult> chooseBackups(DrillPlan plan, List<String> failures) {
    Map<String, DatastoreResult> out = new LinkedHashMap<>();
    for (DrillPlan.DatastorePlan d : plan.datastores()) {
      String engine = d.datastore().engine().word();
      DatastoreResult r;
      try {
        Backup b = restorer().choose(d.datastore(), data.at());
        r = new DatastoreResult(d.stack(), d.name(), engine, b, null, null);
      } catch (PhoenixException e) {
        String why = (e.getMessage().startsWith("datastore ") ? "" : "datastore " + d.name() + ": ") + e.getMessage();
        if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
          throw new PhoenixException(e.kind(), why, e.fix());
        }
        r = new DatastoreResult(d.stack(), d.name(), engine, null, null, why + (e.fix() == null ? "" : "; " + e.fix()));
        failures.add(r.failure());
      }
      out.put(d.name(), r);
      data.told().accept(r);
    }
    return out;
  }

  private LocalDatastoreRestore restorer() {
    return new LocalDatastoreRestore(docker, data.dumps().catalog(), data.dumps()::open, data.work(), data.jobs());
  }

  /**
   * Every datastore's server started from its pinned image and its chosen dump restored and probed,
   * in parallel (bounded). A failure names the datastore, the backup and what to do; its container
   * is kept for inspection.
   */
  private List<DatastoreResult> restoreAll(DrillPlan plan, Map<String, DatastoreResult> chosen,
      Map<String, String> passwords, DrillContext drill, ExecutorService pool) {
    if (plan.datastores().isEmpty()) {
      return List.of();
    }
    LocalDatastoreRestore restorer = restorer();
    Map<String, String> containers = plan.datastoreContainers();
    List<CompletableFuture<DatastoreResult>> work = new ArrayList<>();
    for (DrillPlan.DatastorePlan d : plan.datastores()) {
      DatastoreResult c = chosen.get(d.name());
      work.add(CompletableFuture.supplyAsync(() -> {
        Backup b = c.chosen();
        String backup = b.object().id() + " (taken " + b.takenAt() + ")";
        DatastoreResult r;
        try {
          LocalDatastoreRestore.Restored done = restorer.restore(d.datastore(), b, d.image().digestReference(),
              data.at(), passwords.get(d.name()), containers.get(d.name()), drill.network(),
              Map.of(Labels.ENV, drill.environment(), Labels.COMMIT, drill.commit(), Labels.DRILL, drill.drillId(),
                  Labels.DATASTORE, d.name()), drill.started());
          r = new DatastoreResult(c.stack(), c.datastore(), c.engine(), b, done, null);
        } catch (PhoenixException e) {
          if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
            throw e;
          }
          String why = (e.getMessage().startsWith("datastore ") ? "" : "datastore " + d.name() + ": ") + e.getMessage();
          r = new DatastoreResult(c.stack(), c.datastore(), c.engine(), b, null, drill.mask().mask(why
              + "; backup " + backup + (e.fix() == null ? "" : "; " + e.fix())));
        }
        data.told().accept(r);
        return r;
      }, pool));
    }
    Parallel.awaitAll(work);
    return work.stream().map(CompletableFuture::join).toList();
  }

  /**
   * Creates every service's containers at once (bounded), then starts the stacks in dependency
   * order: a stack's services start, in parallel, when the stacks it depends on are healthy.
   */
  private Map<String, ServiceResult> startAll(DrillPlan plan, Preparation.Ready prepared, ServiceStarter starter,
      ExecutorService pool, ExecutorService starts) {
    Map<String, ServiceResult> results = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<ServiceStarter.Created>> created = new HashMap<>();
    for (DrillPlan.ServicePlan s : plan.services()) {
      String ref = s.image().digestReference();
      created.put(s.name(), CompletableFuture.supplyAsync(() -> starter.create(s, prepared.images().get(ref),
          prepared.pullMillis().get(ref), prepared.env().get(s.name())), pool));
    }
    Map<String, CompletableFuture<Boolean>> stacks = new HashMap<>();
    for (DrillPlan.StackPlan stack : plan.stacks()) {
      List<CompletableFuture<Boolean>> deps = stack.dependsOn().stream().map(stacks::get).toList();
      CompletableFuture<Boolean> done = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
          .thenCompose(v -> {
            List<String> failedDeps = new ArrayList<>();
            for (int i = 0; i < deps.size(); i++) {
              if (!deps.get(i).join()) {
                failedDeps.add(stack.dependsOn().get(i));
              }
            }
            List<CompletableFuture<Boolean>> services = stack.services().stream()
                .map(s -> created.get(s.name()).thenApplyAsync(c -> {
                  ServiceResult r = failedDeps.isEmpty() ? starter.start(c)
                      : starter.skip(c, "stack " + failedDeps + " failed");
                  results.put(s.name(), r);
                  return r.healthy();
                }, starts)).toList();
            return CompletableFuture.allOf(services.toArray(CompletableFuture[]::new))
                .thenApply(x -> services.stream().allMatch(CompletableFuture::join));
          });
      stacks.put(stack.name(), done);
    }
    try {
      CompletableFuture.allOf(stacks.values().toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    return results;
  }

  /** The environment's network; created with a fresh config-hash salt if missing. Returns the salt. */
  private String ensureNetwork(String network, String env, String commit, String drillId, Consumer<String> started) {
    Optional<Named> existing = docker.network(network);
    if (existing.isPresent()) {
      Map<String, String> labels = existing.get().labels();
      if (!env.equals(labels.get(Labels.ENV)) || labels.get(Labels.SALT) == null) {
        throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "network " + network + " "
            + Conflicts.whose(labels) + "; Phoenix does not remove, replace or adopt it", Conflicts.advice());
      }
      return labels.get(Labels.SALT);
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String hex = HexFormat.of().formatHex(salt);
    docker.createNetwork(network, Map.of(Labels.ENV, env, Labels.COMMIT, commit, Labels.DRILL, drillId, Labels.SALT, hex));
    started.accept("network " + network + " created");
    return hex;
  }

  /** Removes this environment's containers the plan no longer has (a service gone, fewer replicas). */
  private void removeStale(DrillPlan plan, String env) {
    Set<String> wanted = plan.containerNames();
    for (ContainerSummary c : docker.containers(Labels.of(env))) {
      if (!wanted.contains(c.name())) {
        docker.removeContainer(c.id());
      }
    }
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
