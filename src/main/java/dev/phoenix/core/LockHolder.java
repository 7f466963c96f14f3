package dev.phoenix.core;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a lock ({@link FileLock}'s owner record, the local target's lock container labels):
 * never anything secret, only what lets a person find the holder.
 *
 * @param user user name of the holder
 * @param host host name of the holder
 * @param pid process id of the holder on {@code host}, or -1 when unknown
 * @param processStarted when that process started, or null when unknown (tells a reused pid apart)
 * @param command what the holder runs, e.g. {@code phoenix rebuild}, or null when unknown
 * @param startedAt when the lock was taken
 * @param token random id of this acquisition: a release removes only a lock that is still its own
 */
public record LockHolder(String user, String host, long pid, Instant processStarted, String command,
    Instant startedAt, String token) {

  /** This process, taking a lock now to run {@code command}. */
  public static LockHolder me(String command) {
    ProcessHandle me = ProcessHandle.current();
    return new LockHolder(System.getProperty("user.name"), thisHost(), me.pid(), me.info().startInstant().orElse(null),
        command, Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID().toString());
  }

  /** {@code user@host (pid 123) since 2026-01-01T00:00:00Z}, the command inside the brackets when known. */
  public String describe() {
    return user + "@" + host + " (pid " + pid + (command == null || command.isBlank() ? "" : ", " + command)
        + ") since " + startedAt;
  }

  /**
   * True when the holder ran on this host and its process is gone, or its pid now belongs to a
   * process started at another time: the lock was left behind by a killed run. A holder on another
   * host can never be judged stale from here.
   */
  public boolean isStaleOn(String thisHost) {
    if (!host.equals(thisHost) || pid <= 0) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    return processStarted != null
        && p.get().info().startInstant().map(t -> !t.equals(processStarted)).orElse(false);
  }

  /** The name of this host, as holders record it. */
  public static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }
}
