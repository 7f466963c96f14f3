package dev.phoenix.engine;

import java.nio.file.Path;

/** Main of the second process in {@link RebuildLockIT}: tries the lock, says what happened. */
public final class LockProbe {
  static final int TAKEN = 0;
  static final int HELD = 3;

  private LockProbe() {}

  public static void main(String[] args) {
    try (RebuildLock lock = RebuildLock.acquire(Path.of(args[0]), args[1], args[2])) {
      System.out.println("took " + lock.file());
      System.exit(TAKEN);
    } catch (RebuildLockException e) {
      System.out.println(e.getMessage());
      System.exit(HELD);
    }
  }
}
