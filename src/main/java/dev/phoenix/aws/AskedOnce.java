package dev.phoenix.aws;

import dev.phoenix.core.Futures;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a store said about one object (an SSM parameter's history, a secret's versions), asked once
 * for the life of this memo: one checker's, so one run's. Verify checks the window in batches (early
 * ones while history is still being read, the rest after), and the versions of one object turn up
 * in several of them; without this each batch listed the object again (a year's estate asked moto
 * for 1,086 SSM pages where 696 answer every version).
 *
 * <p>An answer and a "not found" are kept; any other failure is not, so a later batch asks again
 * (the lane's back-off has had time to act). Two threads asking for one key at once make one call:
 * the second waits for the first's answer.
 */
public final class AskedOnce<K, V> {
  private final Map<K, CompletableFuture<V>> asked = new ConcurrentHashMap<>();
  private final boolean remembers;

  /** A memo that remembers. */
  public AskedOnce() {
    this(true);
  }

  private AskedOnce(boolean remembers) {
    this.remembers = remembers;
  }

  /** One that remembers nothing: each {@link #get} asks (a keeper that writes must read afresh). */
  public static <K, V> AskedOnce<K, V> never() {
    return new AskedOnce<>(false);
  }

  /** The answer for {@code key}: remembered, or from {@code ask} (which may throw AwsException). */
  public V get(K key, Supplier<V> ask) {
    if (!remembers) {
      return ask.get();
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> theirs = asked.putIfAbsent(key, mine);
    if (theirs != null) {
      return Futures.await(theirs, "another check asked the same object");
    }
    try {
      V value = ask.get();
      mine.complete(value);
      return value;
    } catch (AwsException e) {
      if (!e.notFound()) {
        asked.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    } catch (RuntimeException | Error e) {
      asked.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
