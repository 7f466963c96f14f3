package dev.phoenix.rebuild;

/**
 * The rebuild lock of (environment, target), held while a rebuild deploys. {@link #close} releases
 * it; it may be called more than once and from another thread (an interrupted rebuild releases its
 * lock from a shutdown hook while the main thread may still be running).
 */
public interface TargetLock extends AutoCloseable {
  /** Where the lock is and who holds it, e.g. {@code lock /out/locks/prod/aws.lock held by me@host (pid 7) since …}. */
  String describe();

  @Override
  void close();
}
