package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Runner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Protect's store work on the {@link Runner}: one lane per store, {@code concurrency} calls at a
 * time in each, but one after another per object: everything touching the same parameter, secret
 * or S3 object goes in order (labels, staging labels and tag sets are read-modify-write per
 * object). Results come back in the items' order; an item whose work throws gets {@code failed}.
 */
final class ObjectOrder {
  private ObjectOrder() {}

  /** The object a change to {@code ref} reads and writes (an image's tags are its own). */
  static String object(Ref ref) {
    if (ref instanceof Ref.S3Object o) {
      return "s3 " + o.bucket() + "/" + o.key();
    }
    if (ref instanceof Ref.Ssm p) {
      return "ssm " + p.name();
    }
    if (ref instanceof Ref.Secret s) {
      return "secret " + s.secretId();
    }
    if (ref instanceof Ref.DynamoBackup b) {
      return "dynamodb " + b.region() + " " + b.table(); // its marks are tags on the table
    }
    return ref.getClass().getSimpleName() + " " + ref.id();
  }

  static <T, R> List<R> run(List<T> items, Function<T, Ref> refOf, Function<T, R> work,
      BiFunction<T, RuntimeException, R> failed, int concurrency, IntConsumer done) {
    List<Runner.Unit<R>> units = new ArrayList<>();
    Map<Runner.Unit<R>, T> itemOf = new IdentityHashMap<>(); // a failure finds its item at once, not by a scan
    for (T item : items) {
      Ref ref = refOf.apply(item);
      Runner.Unit<R> unit = new Runner.Unit<>(ref.store(), object(ref), () -> work.apply(item));
      units.add(unit);
      itemOf.put(unit, item);
    }
    AtomicInteger finished = new AtomicInteger();
    return Runner.lanes(concurrency).named("protect").run(units, new Runner.Outcomes<>() {
      @Override
      public R late(Runner.Unit<R> unit) {
        throw new IllegalStateException("interrupted"); // no deadline: only an interrupted wait leaves work unfinished
      }

      @Override
      public R failed(Runner.Unit<R> unit, RuntimeException e) {
        return failed.apply(itemOf.get(unit), e);
      }

      @Override
      public void done(Runner.Unit<R> unit, R result) {
        done.accept(finished.incrementAndGet());
      }
    });
  }
}
