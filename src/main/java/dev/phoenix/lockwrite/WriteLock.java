package dev.phoenix.lockwrite;

import dev.phoenix.core.PhoenixException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Exclusive right to write one lockfile: a sibling file created with CREATE_NEW (atomic on local
 * and network file systems), holding who took it and when; deleted on close.
 */
public final class WriteLock implements AutoCloseable {
  static final Duration STALE_AFTER = Duration.ofMinutes(10);
  private final Path path;

  private WriteLock(Path path) {
    this.path = path;
  }

  static Path pathFor(Path lockfile) {
    return lockfile.resolveSibling("." + lockfile.getFileName() + ".writing");
  }

  public static WriteLock acquire(Path lockfile, Duration wait) {
    Path path = pathFor(lockfile);
    Instant deadline = Instant.now().plus(wait);
    String owner = "pid " + ProcessHandle.current().pid() + " (" + ManagementFactory.getRuntimeMXBean().getName()
        + ") since " + Instant.now();
    while (true) {
      try {
        Files.write(path, owner.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return new WriteLock(path);
      } catch (FileAlreadyExistsException e) {
        if (!Instant.now().isBefore(deadline)) {
          throw busy(lockfile, path);
        }
        sleep();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
      }
    }
  }

  private static PhoenixException busy(Path lockfile, Path path) {
    String holder;
    String stale = "";
    try {
      holder = Files.readString(path, StandardCharsets.UTF_8).strip();
      Instant modified = Files.getLastModifiedTime(path).toInstant();
      if (Duration.between(modified, Instant.now()).compareTo(STALE_AFTER) > 0) {
        stale = "; it is older than " + STALE_AFTER.toMinutes() + " minutes and may be stale";
      }
    } catch (IOException e) {
      holder = "another writer";
    }
    return new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
        "another Phoenix is writing " + lockfile.getFileName() + " in " + lockfile.getParent().getFileName()
            + " (" + holder + ")" + stale + "; nothing was written",
        "run the command again (or pass --lock-wait 30s); if no Phoenix is running, delete " + path);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "interrupted while waiting for the write lock", null);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the write lock " + path + ": " + e.getMessage(), e);
    }
  }
}
