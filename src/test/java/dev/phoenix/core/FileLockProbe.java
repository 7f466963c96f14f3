package dev.phoenix.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Main of the second process in {@link FileLockTest}. {@code try FILE}: takes the lock and releases
 * it (exit 0) or says who holds it (exit 3). {@code hold FILE}: takes it, prints {@code holding},
 * and keeps it until its stdin closes or it is killed. {@code os FILE}: asks only the operating
 * system whether the file is locked (exit 3) or free (exit 0), leaving the owner record aside.
 */
public final class FileLockProbe {
  static final int TAKEN = 0;
  static final int HELD = 3;

  private FileLockProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("os")) {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.WRITE)) {
        System.exit(ch.tryLock() == null ? HELD : TAKEN);
      }
    }
    try (FileLock lock = FileLock.acquire(file, "probe " + args[0], Duration.ZERO, System.out::println)) {
      if (args[0].equals("hold")) {
        System.out.println("holding " + lock.holder().pid());
        System.out.flush();
        System.in.read(); // until the test closes our stdin (or kills us)
      } else {
        System.out.println("took " + lock.file());
      }
    } catch (FileLock.Held e) {
      System.out.println("held by " + e.who());
      System.out.flush();
      System.exit(HELD);
    }
    System.exit(TAKEN);
  }
}
