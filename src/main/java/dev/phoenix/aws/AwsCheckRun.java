package dev.phoenix.aws;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a checker's units of work (one request or one batch each) on at most
 * {@code options.concurrency()} threads. Whatever has not finished by {@code options.deadline()}
 * becomes UNKNOWN; a unit that throws makes its references UNKNOWN; every given reference gets
 * exactly one finding.
 */
public final class AwsCheckRun {
  /** References one unit of work answers for, and the work itself. */
  public record Unit(List<Ref> refs, Supplier<Map<Ref, Finding>> work) {}

  private AwsCheckRun() {}

  /** The same finding for every reference of a unit (a failure that stopped the whole batch). */
  public static Map<Ref, Finding> all(Collection<? extends Ref> refs, Finding finding) {
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : refs) {
      out.put(ref, finding);
    }
    return out;
  }

  public static Map<Ref, Finding> run(Collection<Ref> refs, List<Unit> units, CheckOptions options) {
    Map<Ref, Finding> out = new LinkedHashMap<>();
    if (!units.isEmpty()) {
      int threads = Math.max(1, Math.min(options.concurrency(), units.size()));
      ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("phoenix-aws-check"));
      try {
        List<Future<Map<Ref, Finding>>> futures = new ArrayList<>();
        for (Unit unit : units) {
          futures.add(pool.submit(() -> runUnit(unit, options)));
        }
        collect(units, futures, options, out);
      } finally {
        pool.shutdownNow();
      }
    }
    Map<Ref, Finding> ordered = new LinkedHashMap<>();
    for (Ref ref : refs) {
      ordered.put(ref, out.getOrDefault(ref, Finding.unknown("not checked")));
    }
    return ordered;
  }

  private static Map<Ref, Finding> runUnit(Unit unit, CheckOptions options) {
    if (Instant.now().isAfter(options.deadline())) {
      return Map.of();
    }
    Map<Ref, Finding> found = unit.work().get();
    for (Ref ref : unit.refs()) {
      options.done().accept(ref);
    }
    return found;
  }

  private static void collect(List<Unit> units, List<Future<Map<Ref, Finding>>> futures,
      CheckOptions options, Map<Ref, Finding> out) {
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      Map<Ref, Finding> found;
      try {
        Duration left = Duration.between(Instant.now(), options.deadline());
        found = futures.get(i).get(Math.max(0, left.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | CancellationException e) {
        futures.get(i).cancel(true);
        found = Map.of();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String why = cause instanceof AwsException a ? a.getMessage() : "check failed: " + cause.getClass().getSimpleName();
        found = new LinkedHashMap<>();
        for (Ref ref : unit.refs()) {
          found.put(ref, Finding.unknown(why));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        found = Map.of();
      }
      for (Ref ref : unit.refs()) {
        out.put(ref, found.getOrDefault(ref, Finding.unknown("deadline passed before it was checked")));
      }
    }
  }
}
