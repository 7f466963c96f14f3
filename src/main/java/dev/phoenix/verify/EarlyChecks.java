package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.DaemonThreads;
import dev.phoenix.core.Futures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Checking that starts while history is still read: each environment's references not yet asked
 * for are checked as soon as that environment is read, one batch after another on one thread (a
 * batch is a whole run of the checkers, with their own per-store concurrency, so two at once would
 * double it). What reading finds last is checked after it; every unique reference is in exactly
 * one batch. With a remote registry, checking waits on the network while reading keeps the cores
 * busy.
 *
 * <p>An environment read mostly from the read cache (fewer than one lockfile in ten parsed: a night
 * with a revision or two new) starts no batch: all of reading then ends within a second or two, and
 * checking beside it only takes the cores from it without ending the run sooner (at 500 services ×
 * 5 environments × 365 days, the second night's reading took 4.4–5.9 s with such batches and
 * 1.8–2.1 s without, the wall time 20.6–21.6 s and 19.7–21.7 s). Its references are checked with the
 * rest. A cold read (a first night, an upgrade that emptied the cache) parses nearly every one.
 */
final class EarlyChecks implements AutoCloseable {
  private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("phoenix-check-early"));
  private final Function<Set<Ref>, Map<Ref, Finding>> check;
  private final SeenRefs asked = new SeenRefs();
  private final List<Future<Map<Ref, Finding>>> batches = new ArrayList<>();

  /** {@code check}: the findings of one batch of unique references (a whole checkers' run). */
  EarlyChecks(Function<Set<Ref>, Map<Ref, Finding>> check) {
    this.check = check;
  }

  /** One environment's revisions, read: their references not asked for yet are checked next (unless read mostly from the cache). */
  synchronized void read(Revisions.EnvRead read) {
    if (read.parsed() * 10L < read.revisions().size()) {
      return;
    }
    Set<Ref> fresh = new LinkedHashSet<>();
    for (EnvRevision r : read.revisions()) {
      for (Ref ref : r.refs().keySet()) {
        if (asked.add(ref)) {
          fresh.add(ref);
        }
      }
    }
    submit(fresh);
  }

  /**
   * Reading is over: checks what no batch asked for, waits for every batch, and returns a finding
   * for each reference of {@code unique}, in its order.
   */
  Map<Ref, Finding> rest(Set<Ref> unique) {
    synchronized (this) {
      Set<Ref> left = new LinkedHashSet<>();
      for (Ref ref : unique) {
        if (asked.add(ref)) {
          left.add(ref);
        }
      }
      submit(left);
    }
    Map<Ref, Finding> found = new HashMap<>();
    for (Future<Map<Ref, Finding>> batch : batches) {
      found.putAll(Futures.await(batch, "checking"));
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : unique) {
      out.put(ref, found.get(ref));
    }
    return out;
  }

  private void submit(Set<Ref> batch) {
    if (!batch.isEmpty() && !thread.isShutdown()) {
      batches.add(thread.submit(() -> check.apply(batch)));
    }
  }

  /**
   * Stops what is still queued or under way (reading failed, or the batches are done) and waits a
   * little for it: no check goes on asking a store after the run has moved on.
   */
  @Override
  public void close() {
    synchronized (this) {
      batches.forEach(b -> b.cancel(true)); // a queued batch never starts; rest() cannot wait on it
    }
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
