package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.core.DaemonThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs one piece of store work per item, {@code concurrency} at a time, but one after another
 * within a lane: everything touching the same parameter, secret or S3 object goes in order
 * (labels, staging labels and tag sets are read-modify-write per object). Results come back in the
 * items' order.
 */
final class Lanes {
  private Lanes() {}

  /** The object a change to {@code ref} reads and writes (an image's tags are its own). */
  static String lane(Ref ref) {
    if (ref instanceof Ref.S3Object o) {
      return "s3 " + o.bucket() + "/" + o.key();
    }
    if (ref instanceof Ref.Ssm p) {
      return "ssm " + p.name();
    }
    if (ref instanceof Ref.Secret s) {
      return "secret " + s.secretId();
    }
    return ref.getClass().getSimpleName() + " " + ref.describe();
  }

  static <T, R> List<R> run(List<T> items, Function<T, Ref> refOf, Function<T, R> work, int concurrency,
      IntConsumer done) {
    Map<String, List<Integer>> lanes = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      lanes.computeIfAbsent(lane(refOf.apply(items.get(i))), k -> new ArrayList<>()).add(i);
    }
    List<R> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
    AtomicInteger finished = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, lanes.size())), DaemonThreads.named("phoenix-protect"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (List<Integer> lane : lanes.values()) {
        futures.add(pool.submit(() -> {
          for (int i : lane) {
            results.set(i, work.apply(items.get(i)));
            done.accept(finished.incrementAndGet());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return results;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
