package dev.phoenix.rebuild.local;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for a drill's parallel steps; the first step that failed is rethrown as itself. */
final class Parallel {
  private Parallel() {}

  static void awaitAll(List<? extends CompletableFuture<?>> work) {
    try {
      CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
