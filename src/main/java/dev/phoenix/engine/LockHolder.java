package dev.phoenix.engine;

import java.time.Instant;

/**
 * Who holds a {@link RebuildLock}, as written in its lock file.
 *
 * @param user user name of the holder
 * @param host host name of the holder
 * @param pid process id of the holder on {@code host}
 * @param startedAt when the lock was taken
 * @param token random id of this acquisition: a release removes the file only if it still holds it
 */
public record LockHolder(String user, String host, long pid, Instant startedAt, String token) {

  /** {@code user@host (pid 123) since 2026-01-01T00:00:00Z}. */
  public String describe() {
    return user + "@" + host + " (pid " + pid + ") since " + startedAt;
  }

  /**
   * True when the holder ran on this host and its process is gone: the lock was left behind by a
   * killed run. A holder on another host can never be judged stale from here.
   */
  public boolean isStaleOn(String thisHost) {
    return host.equals(thisHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }
}
