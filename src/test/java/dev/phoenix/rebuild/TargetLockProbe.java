package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import java.nio.file.Path;

/** Main of the second process in {@link FileTargetLockIT}: tries the rebuild lock, says what happened. */
public final class TargetLockProbe {
  static final int TAKEN = 0;
  static final int HELD = 3;

  private TargetLockProbe() {}

  public static void main(String[] args) {
    try (FileTargetLock lock = FileTargetLock.acquire(Path.of(args[0]), args[1], args[2], "probe", System.out::println)) {
      System.out.println("took " + lock.file());
      System.exit(TAKEN);
    } catch (PhoenixException e) {
      System.out.println(e.getMessage());
      System.exit(HELD);
    }
  }
}
