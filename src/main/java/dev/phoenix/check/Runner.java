package dev.phoenix.check;

import dev.phoenix.core.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Phoenix's one bounded runner: every piece of store work (a check, a protection probe, a mark)
 * runs through it.
 *
 * <ul>
 *   <li><b>Lanes</b>: each unit names its lane (a store: a registry host, "s3", "ec2:eu-west-2"); at
 *       most {@code perLane} units of a lane run at once, so a slow or hanging store holds only its
 *       own lane and the others go on. {@code total} bounds all lanes together (default: no bound
 *       beyond the lanes').
 *   <li><b>Per-object order</b>: units of one lane that name the same {@code object} run one after
 *       another in the order given (read-modify-write of one object's labels or tags).
 *   <li><b>Deadline</b>: no unit starts after it; the run returns at the deadline plus {@code grace}
 *       with whatever is unfinished given its {@link Outcomes#late} result, and interrupts the rest.
 *   <li><b>Failures</b>: a unit that throws gets {@link Outcomes#failed}: no unit's result is lost.
 * </ul>
 *
 * Results come back in the units' order. Threads are daemons named {@code phoenix-<name>}.
 */
public final class Runner {
  private final int perLane;
  private final int total;
  private final Instant deadline;
  private final Duration grace;
  private final String name;

  private Runner(int perLane, int total, Instant deadline, Duration grace, String name) {
    this.perLane = Math.max(1, perLane);
    this.total = Math.max(1, total);
    this.deadline = deadline;
    this.grace = grace;
    this.name = name;
  }

  /** At most {@code perLane} units of one lane at once; no deadline. */
  public static Runner lanes(int perLane) {
    return new Runner(perLane, Integer.MAX_VALUE, null, Duration.ZERO, "run");
  }

  /** At most {@code total} units at once over all lanes. */
  public Runner total(int max) {
    return new Runner(perLane, max, deadline, grace, name);
  }

  /** Nothing starts after {@code at}; the run returns by {@code at + grace}. Null: no deadline. */
  public Runner until(Instant at, Duration grace) {
    return new Runner(perLane, total, at, grace, name);
  }

  /** Worker threads are named {@code phoenix-<name>}. */
  public Runner named(String threadName) {
    return new Runner(perLane, total, deadline, grace, threadName);
  }

  /** One piece of work in a lane; a non-null {@code object} orders it after earlier units on that object. */
  public record Unit<R>(String lane, String object, Supplier<R> work) {}

  /** What a unit yields when it gives no answer of its own, and who hears of finished units. */
  public interface Outcomes<R> {
    /** The deadline passed before the unit finished (or started). */
    R late(Unit<R> unit);

    /** The unit threw. */
    R failed(Unit<R> unit, RuntimeException e);

    /** A unit finished with {@code result} (its own or {@link #failed}); called on the worker thread. */
    default void done(Unit<R> unit, R result) {}
  }

  /** Runs every unit; one result per unit, in the units' order. */
  public <R> List<R> run(List<Unit<R>> units, Outcomes<R> outcomes) {
    if (units.isEmpty()) {
      return List.of();
    }
    Run<R> run = new Run<>(units, outcomes);
    ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("phoenix-" + name));
    try {
      run.pool = pool;
      run.pump();
      run.await();
    } finally {
      pool.shutdownNow();
    }
    run.rethrowBroken();
    return run.results();
  }

  /** The state of one {@link #run}: lanes of chains waiting, counts in flight, results so far. */
  private final class Run<R> {
    private final List<Unit<R>> units;
    private final Outcomes<R> outcomes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Lane> lanes = new ArrayList<>();
    private final Object[] results;
    private final boolean[] finished;
    private int unfinished;
    private int running;
    private int nextLane;
    private boolean sealed;
    private ExecutorService pool;
    /**
     * What a unit threw that is not a store's failure (an Error such as OutOfMemoryError, or a
     * listener's exception): the run stops at once and {@link #run} throws it. Before, its unit
     * never counted as finished and the run waited for it forever (or, with a deadline, until then).
     */
    private Throwable broken;

    /** The units of one lane: chains (one object's units, or a single unit) waiting, and how many run. */
    private final class Lane {
      final Deque<List<Integer>> waiting = new ArrayDeque<>();
      int running;
    }

    Run(List<Unit<R>> units, Outcomes<R> outcomes) {
      this.units = List.copyOf(units);
      this.outcomes = outcomes;
      this.results = new Object[units.size()];
      this.finished = new boolean[units.size()];
      this.unfinished = units.size();
      Map<String, Lane> byName = new LinkedHashMap<>();
      Map<List<String>, List<Integer>> chains = new LinkedHashMap<>();
      for (int i = 0; i < units.size(); i++) {
        Unit<R> u = units.get(i);
        Lane lane = byName.computeIfAbsent(String.valueOf(u.lane()), k -> new Lane());
        if (u.object() == null) {
          lane.waiting.add(List.of(i));
        } else {
          List<Integer> chain = chains.get(List.of(String.valueOf(u.lane()), u.object()));
          if (chain == null) {
            chain = new ArrayList<>();
            chains.put(List.of(String.valueOf(u.lane()), u.object()), chain);
            lane.waiting.add(chain);
          }
          chain.add(i);
        }
      }
      lanes.addAll(byName.values());
    }

    /** Starts every chain the bounds allow, taking lanes in turn so each store gets a worker early. */
    void pump() {
      lock.lock();
      try {
        boolean started = true;
        while (started && running < total && !sealed && !pastDeadline()) {
          started = false;
          for (int k = 0; k < lanes.size() && running < total; k++) {
            Lane lane = lanes.get((nextLane + k) % lanes.size());
            if (lane.running < perLane && !lane.waiting.isEmpty()) {
              List<Integer> chain = lane.waiting.poll();
              lane.running++;
              running++;
              started = true;
              pool.execute(() -> runChain(lane, chain));
            }
          }
          nextLane = (nextLane + 1) % lanes.size();
        }
      } finally {
        lock.unlock();
      }
    }

    private void runChain(Lane lane, List<Integer> chain) {
      try {
        for (int i : chain) {
          if (stopped()) {
            return;
          }
          Unit<R> unit = units.get(i);
          R result;
          try {
            result = unit.work().get();
          } catch (RuntimeException e) {
            result = outcomes.failed(unit, e);
          }
          if (record(i, result)) {
            try {
              outcomes.done(unit, result); // heard before the run can return: no progress is lost
            } finally {
              settle();
            }
          }
        }
      } catch (Throwable t) { // NOPMD: rethrown by run(), on the caller's thread
        lock.lock();
        try {
          if (broken == null) {
            broken = t;
          }
          sealed = true;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      } finally {
        lock.lock();
        try {
          lane.running--;
          running--;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
        pump();
      }
    }

    private boolean stopped() {
      lock.lock();
      try {
        return sealed || pastDeadline() || Thread.currentThread().isInterrupted();
      } finally {
        lock.unlock();
      }
    }

    private boolean record(int i, R result) {
      lock.lock();
      try {
        if (sealed || finished[i]) {
          return false;
        }
        finished[i] = true;
        results[i] = result;
        return true;
      } finally {
        lock.unlock();
      }
    }

    /** A recorded unit's listener has run: the unit now counts as finished for whoever waits. */
    private void settle() {
      lock.lock();
      try {
        unfinished--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /** Waits until every unit finished, nothing can start any more, or the deadline plus grace passed. */
    void await() {
      lock.lock();
      try {
        while (unfinished > 0 && broken == null && !(running == 0 && pastDeadline())) {
          if (deadline == null) {
            changed.await();
            continue;
          }
          boolean past = pastDeadline();
          long ms = Duration.between(Instant.now(), past ? deadline.plus(grace) : deadline).toMillis();
          if (past && ms <= 0) {
            break;
          }
          changed.await(Math.max(1, ms), TimeUnit.MILLISECONDS); // wakes at the deadline to stop waiting chains
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        sealed = true;
        lock.unlock();
      }
    }

    /** Throws what broke the run, if anything did. */
    void rethrowBroken() {
      lock.lock();
      Throwable t;
      try {
        t = broken;
      } finally {
        lock.unlock();
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }

    private boolean pastDeadline() {
      return deadline != null && !Instant.now().isBefore(deadline);
    }

    @SuppressWarnings("unchecked")
    List<R> results() {
      List<R> out = new ArrayList<>(units.size());
      lock.lock();
      try {
        for (int i = 0; i < units.size(); i++) {
          out.add(finished[i] ? (R) results[i] : outcomes.late(units.get(i)));
        }
      } finally {
        lock.unlock();
      }
      return out;
    }
  }
}
