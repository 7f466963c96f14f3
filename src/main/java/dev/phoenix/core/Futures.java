package dev.phoenix.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with what it threw rethrown as it was. */
public final class Futures {
  private Futures() {}

  /**
   * {@code future}'s value; what the work threw (a runtime exception or an error) is thrown here
   * unwrapped; an interrupt keeps the thread's flag and fails "interrupted while {@code doing}".
   */
  public static <T> T await(Future<T> future, String doing) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
