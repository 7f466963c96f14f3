package dev.phoenix.engine;

import java.nio.file.Path;

/** A rebuild lock that could not be taken: someone holds it, or the lock file cannot be written. */
public final class RebuildLockException extends Exception {

  private final Path lockFile;
  private final transient LockHolder holder;

  public RebuildLockException(String message, Path lockFile, LockHolder holder, Throwable cause) {
    super(message, cause);
    this.lockFile = lockFile;
    this.holder = holder;
  }

  public Path lockFile() {
    return lockFile;
  }

  /** Who holds the lock, or null when the failure was not contention or the file was unreadable. */
  public LockHolder holder() {
    return holder;
  }
}
