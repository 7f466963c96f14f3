package dev.phoenix.mirror;

import dev.phoenix.check.Ref;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.FileLock;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.MirrorFiles;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.lockwrite.LockfileWriter;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.NameRules;
import dev.phoenix.model.Regions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code phoenix mirror}: for every reference of every lockfile revision in the window, the copy
 * the mirror region lacks (docs/regions.md). A reference in the ledger is done and asks nothing of
 * any store; any other is looked for in the mirror (an interrupted run may have copied it) and
 * copied when absent; each copy is recorded in the ledger the moment it is made. A dry run only
 * lists. Knows nothing of the command line.
 */
public final class MirrorRun {
  /** Told of each item as it is settled (progress on stderr); throwing stops the run. */
  public interface Listener {
    void settled(MirrorItem item);

    /** A line worth telling, e.g. a stale ledger lock taken over. */
    default void note(String line) {}
  }

  private final GitRepository git;
  private final RegionStores stores;
  private final Listener listener;

  public MirrorRun(GitRepository git, RegionStores stores, Listener listener) {
    this.git = git;
    this.stores = stores;
    this.listener = listener;
  }

  public MirrorResult run(MirrorRequest request) {
    String env = request.environment();
    NameRules.ENVIRONMENT.require(env, "--env");
    Path root = git.workTree();
    Regions regions = regions(root, env);
    Regions.Mirror mirror = regions.mirror(request.region()).orElseThrow(() -> PhoenixException.input(
        "region " + request.region() + " is not a mirror of " + env + " in " + Regions.path(env),
        regions.mirrors().isEmpty() ? "add it under mirrors:" : "mirrors listed: " + String.join(", ", regions.mirrors().keySet())));
    MirrorSources sources = MirrorSources.of(git, env, request.window());
    LedgerBook ledger = LedgerBook.open(root, env);
    Instant deadline = Instant.now().plus(request.deadline());
    Copies copies = new Copies(regions, mirror, stores, deadline);
    List<MirrorItem> items = new ArrayList<>();
    List<ToMirror> toCopy = new ArrayList<>();
    List<ToMirror> all = new ArrayList<>();
    sources.refs().forEach(ref -> all.add(new ToMirror(ref, null)));
    if (!sources.datastores().isEmpty()) { // the backups the window needs, as the primary lists them
      BackupSources.of(sources.datastores(), stores.backups(regions.primary()), request.window(), Instant.now())
          .forEach(b -> all.add(new ToMirror(b.backup().object(), b)));
    }
    for (ToMirror source : all) {
      Ref ref = source.ref();
      MirrorLedger.Kind kind = source.kind();
      Optional<MirrorLedger.Entry> done = ledger.find(mirror.region(), ref.id());
      String[] why = {null};
      if (done.isPresent()) {
        items.add(new MirrorItem(ref, kind, done.get().copy(), MirrorItem.State.MIRRORED,
            "recorded " + done.get().at()));
        continue;
      }
      Optional<String> target = source.backup() == null ? copies.target(ref, why) : copies.target(source.backup(), why);
      if (target.isEmpty()) {
        items.add(new MirrorItem(ref, kind, null, kind == MirrorLedger.Kind.DYNAMODB ? MirrorItem.State.NOT_MIRRORABLE
            : MirrorItem.State.UNMAPPED, why[0]));
      } else if (!request.copy()) {
        items.add(new MirrorItem(ref, kind, target.get(), MirrorItem.State.PLANNED, null));
      } else {
        items.add(null); // settled below, in this order
        toCopy.add(source);
      }
    }
    List<Ref> planned = items.stream().filter(i -> i != null && i.state() == MirrorItem.State.PLANNED)
        .map(MirrorItem::source).toList();
    List<MirrorRepository> repositories = MirrorRepositories.settle(
        request.copy() ? toCopy.stream().map(ToMirror::ref).toList() : planned, mirror, stores, request.copy());
    repositories.stream().filter(r -> r.state() == MirrorRepository.State.CREATED)
        .forEach(r -> listener.note("mirror: created ECR repository " + r.name() + " (" + r.settings() + ")"));
    if (!toCopy.isEmpty()) {
      try (FileLock lock = LockfileWriter.writeLock(root.resolve(ledger.relative()), Duration.ofSeconds(30),
          "phoenix mirror", listener::note)) {
        // Under the lock: the temporary files of a writer killed mid-write go, and the ledger is read
        // again, so what another run recorded while this one waited is neither copied again nor lost.
        int leftovers = AtomicFiles.removeLeftovers(root.resolve(ledger.relative()));
        if (leftovers > 0) {
          listener.note("mirror: removed " + leftovers + " temporary file(s) of an interrupted ledger write (the ledger itself is whole)");
        }
        LedgerBook held = LedgerBook.open(root, env);
        List<ToMirror> still = new ArrayList<>();
        for (ToMirror source : toCopy) {
          if (held.find(mirror.region(), source.ref().id()).isEmpty()) {
            still.add(source);
          }
        }
        List<MirrorItem> made = still.isEmpty() ? List.of() : copyAll(still, copies, held, request.concurrency());
        int next = 0;
        for (int i = 0, k = 0; i < items.size(); i++) {
          if (items.get(i) == null) {
            ToMirror source = toCopy.get(k++);
            Ref ref = source.ref();
            Optional<MirrorLedger.Entry> meanwhile = held.find(mirror.region(), ref.id());
            items.set(i, next < made.size() && made.get(next).source().equals(ref) ? made.get(next++)
                : new MirrorItem(ref, source.kind(), meanwhile.map(MirrorLedger.Entry::copy).orElse(null),
                    MirrorItem.State.MIRRORED, meanwhile.map(e -> "recorded " + e.at()).orElse(null)));
          }
        }
      }
    }
    String commit = null;
    boolean recorded = items.stream().anyMatch(i -> i.state() == MirrorItem.State.COPIED || i.state() == MirrorItem.State.PRESENT);
    if (request.commit() && recorded) {
      long n = items.stream().filter(i -> i.state() == MirrorItem.State.COPIED || i.state() == MirrorItem.State.PRESENT).count();
      CommitInfo c = git.commitFiles(List.of(ledger.relative()),
          "phoenix mirror: " + n + " cop" + (n == 1 ? "y" : "ies") + " of " + env + " recorded for " + mirror.region(), null);
      commit = c.id();
    }
    return new MirrorResult(env, mirror.region(), request.window().asked(), !request.copy(), sources.revisions(),
        List.copyOf(items), sources.problems(), ledger.relative(), commit, List.copyOf(repositories));
  }

  /** One thing to mirror: a lockfile reference ({@code backup} null) or a datastore backup. */
  private record ToMirror(Ref ref, BackupSources.Item backup) {
    MirrorLedger.Kind kind() {
      return backup == null ? Copies.kind(ref) : Copies.kind(backup);
    }
  }

  private List<MirrorItem> copyAll(List<ToMirror> refs, Copies copies, LedgerBook ledger, int concurrency) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, refs.size()),
        dev.phoenix.core.DaemonThreads.named("mirror-copy"));
    AtomicReference<RuntimeException> stopped = new AtomicReference<>();
    try {
      List<Future<MirrorItem>> futures = new ArrayList<>();
      for (ToMirror ref : refs) {
        futures.add(pool.submit(() -> {
          if (stopped.get() != null) {
            return null;
          }
          MirrorItem item = copyOne(ref, copies, ledger);
          try {
            synchronized (listener) {
              listener.settled(item);
            }
          } catch (RuntimeException e) {
            stopped.compareAndSet(null, e);
          }
          return item;
        }));
      }
      List<MirrorItem> out = new ArrayList<>();
      for (Future<MirrorItem> f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw PhoenixException.input("interrupted", "run phoenix mirror again: what was copied is recorded");
        }
      }
      if (stopped.get() != null) {
        throw stopped.get();
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static MirrorItem copyOne(ToMirror source, Copies copies, LedgerBook ledger) {
    Ref ref = source.ref();
    MirrorLedger.Kind kind = source.kind();
    try {
      Copies.Made made = source.backup() == null ? copies.copy(ref) : copies.copy(source.backup());
      ledger.record(made.entry());
      return new MirrorItem(ref, kind, made.entry().copy(),
          made.alreadyThere() ? MirrorItem.State.PRESENT : MirrorItem.State.COPIED, made.note());
    } catch (PhoenixException e) {
      String[] why = new String[1];
      return new MirrorItem(ref, kind, (source.backup() == null ? copies.target(ref, why)
          : copies.target(source.backup(), why)).orElse(null), MirrorItem.State.FAILED, e.getMessage());
    }
  }

  private static Regions regions(Path root, String env) {
    Parsed<Regions> parsed = MirrorFiles.regions(new WorkingTreeFiles(root), env);
    if (!parsed.problems().isEmpty()) {
      throw PhoenixException.input(parsed.problems().stream().map(Object::toString).collect(Collectors.joining("\n")),
          "fix " + Regions.path(env) + " (docs/regions.md)");
    }
    if (parsed.value() == null) {
      throw PhoenixException.input(env + " has no " + Regions.path(env),
          "create it with apiVersion: phoenix/v1, kind: Regions, primary and mirrors (docs/regions.md)");
    }
    return parsed.value();
  }
}
