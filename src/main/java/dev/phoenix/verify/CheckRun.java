package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.core.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a set of unique references: each is given to the first checker that handles it, grouped
 * by (checker, store), and every group runs on its own thread so one slow store does not stall the
 * others. Whatever has no answer when the deadline (plus a short grace) passes becomes UNKNOWN:
 * a group still running then is abandoned (its threads are daemons and are interrupted).
 */
public final class CheckRun {
  static final Duration GRACE = Duration.ofSeconds(2);
  static final Finding DEADLINE = Finding.unknown("not checked: the run's deadline (--deadline) passed first");
  private final List<RefChecker> checkers;
  private final CheckOptions options;
  private final ProgressListener progress;

  public CheckRun(List<RefChecker> checkers, CheckOptions options, ProgressListener progress) {
    this.checkers = List.copyOf(checkers);
    this.options = options;
    this.progress = progress;
  }

  public Map<Ref, Finding> run(Collection<Ref> unique) {
    Map<Ref, Finding> findings = new ConcurrentHashMap<>();
    Set<Ref> finished = ConcurrentHashMap.newKeySet();
    AtomicInteger done = new AtomicInteger();
    int total = unique.size();
    progress.started(total);
    Map<String, Group> groups = group(unique, findings);
    CheckOptions opts = new CheckOptions(options.deep(), options.concurrency(), options.deadline(),
        options.insecureRegistries(), ref -> {
          if (finished.add(ref)) {
            progress.advanced(done.incrementAndGet(), total);
          }
          options.done().accept(ref);
        });
    ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("phoenix-verify-check"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Group g : groups.values()) {
        futures.add(pool.submit(() -> g.run(opts, findings, ref -> {
          if (finished.add(ref)) {
            progress.advanced(done.incrementAndGet(), total);
          }
        })));
      }
      Instant hardStop = options.deadline().plus(GRACE);
      for (Future<?> f : futures) {
        long wait = Math.max(0, Duration.between(Instant.now(), hardStop).toMillis());
        try {
          f.get(wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          break;
        } catch (java.util.concurrent.ExecutionException e) {
          // a group's own failures are already findings; anything else is filled in below
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : unique) {
      Finding f = findings.get(ref);
      out.put(ref, f != null ? f : DEADLINE);
    }
    progress.finished(Math.min(done.get(), total), total);
    return out;
  }

  private Map<String, Group> group(Collection<Ref> unique, Map<Ref, Finding> findings) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Ref ref : unique) {
      int index = -1;
      for (int i = 0; i < checkers.size() && index < 0; i++) {
        if (checkers.get(i).handles(ref)) {
          index = i;
        }
      }
      if (index < 0) {
        findings.put(ref, Finding.unknown("no checker for " + ref.getClass().getSimpleName() + " references in "
            + ref.store()));
        continue;
      }
      RefChecker checker = checkers.get(index);
      groups.computeIfAbsent(index + " " + ref.store(), k -> new Group(checker, new ArrayList<>())).refs().add(ref);
    }
    return groups;
  }

  /**
   * The references one checker checks in one store, in one call: the checker spreads them over
   * its own connections and turns what is left at the deadline into UNKNOWN itself.
   */
  private record Group(RefChecker checker, List<Ref> refs) {
    void run(CheckOptions opts, Map<Ref, Finding> findings, java.util.function.Consumer<Ref> done) {
      Map<Ref, Finding> answer;
      try {
        answer = checker.check(refs, opts);
      } catch (RuntimeException e) {
        answer = Map.of();
        for (Ref ref : refs) {
          findings.putIfAbsent(ref, Finding.unknown("the " + ref.store() + " check failed: "
              + e.getClass().getSimpleName()));
        }
      }
      boolean late = Instant.now().isAfter(opts.deadline()) || Thread.currentThread().isInterrupted();
      for (Ref ref : refs) {
        Finding f = answer.get(ref);
        findings.putIfAbsent(ref, f != null ? f : late ? DEADLINE : Finding.unknown("the checker gave no answer"));
        done.accept(ref);
      }
    }
  }
}
