package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.ContainerState;
import dev.phoenix.docker.Docker;
import dev.phoenix.core.LockHolder;
import dev.phoenix.rebuild.TargetLock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rebuild lock of (environment, target) kept on the Docker daemon itself, so that drills from
 * two checkouts (two {@code --out} directories, two users) sharing one daemon exclude each other: a
 * container named {@link Labels#lock}, created and never started (the daemon refuses a second one of
 * that name), labelled with who holds it: user, host, pid and that process's start time, since when.
 *
 * <p>A held lock fails at once naming its holder (UNAVAILABLE, exit 3). A lock whose holder ran on
 * this host and whose process is gone (or whose pid now belongs to another process) is stale: it is
 * taken over, and the progress says so. A holder on another host is never judged stale from here:
 * {@code --force-unlock} removes it. A container of the lock's name that is not a Phoenix lock for
 * this (environment, target) is never touched. {@link #close} removes the lock container by its id,
 * so it never removes a lock someone else took meanwhile.
 */
public final class DaemonLock implements TargetLock {
  private final Docker docker;
  private final boolean ownsDocker;
  private final String name;
  private final String id;
  private final LockHolder holder;
  private boolean released;

  private DaemonLock(Docker docker, boolean ownsDocker, String name, String id, LockHolder holder) {
    this.docker = docker;
    this.ownsDocker = ownsDocker;
    this.name = name;
    this.id = id;
    this.holder = holder;
  }

  /**
   * Takes the lock; {@code ownsDocker}: close {@code docker} on release. {@code notes} hears a stale
   * lock being taken over.
   */
  public static DaemonLock acquire(Docker docker, boolean ownsDocker, String environment, String target,
      Consumer<String> notes) {
    try {
      return take(docker, ownsDocker, environment, target, notes);
    } catch (PhoenixException e) {
      if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
        throw e;
      }
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "could not take the rebuild lock of "
          + environment + "/" + target + " on the Docker daemon at " + docker.host() + ": " + e.getMessage(),
          "check the Docker daemon (docker info), then re-run", e);
    }
  }

  private static DaemonLock take(Docker docker, boolean ownsDocker, String environment, String target,
      Consumer<String> notes) {
    String name = Labels.lock(environment, target);
    LockHolder holder = LockHolder.me(null);
    String host = holder.host();
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.LOCK, environment + "/" + target);
    labels.put(Labels.LOCK_USER, holder.user());
    labels.put(Labels.LOCK_HOST, holder.host());
    labels.put(Labels.LOCK_PID, Long.toString(holder.pid()));
    if (holder.processStarted() != null) {
      labels.put(Labels.LOCK_PID_STARTED, holder.processStarted().toString());
    }
    labels.put(Labels.LOCK_SINCE, holder.startedAt().toString());
    labels.put(Labels.LOCK_TOKEN, holder.token());
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<String> id = docker.createLock(name, labels);
      if (id.isPresent()) {
        return new DaemonLock(docker, ownsDocker, name, id.get(), holder);
      }
      Optional<ContainerState> existing = docker.find(name);
      if (existing.isEmpty()) {
        continue; // released meanwhile: try again
      }
      ContainerState c = existing.get();
      if (!(environment + "/" + target).equals(c.labels().get(Labels.LOCK))) {
        throw foreign(docker, name, environment, target, c);
      }
      LockHolder other = holderOf(c.labels());
      if (!stale(c.labels(), host)) {
        throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "environment " + environment + " target "
            + target + " is already being rebuilt or torn down by " + other.describe() + " (lock container " + name
            + " on the Docker daemon at " + docker.host() + ")",
            "wait for it to finish; if no rebuild is running, phoenix rebuild --env " + environment + " --target "
                + target + " --force-unlock removes the lock");
      }
      notes.accept("lock: taking over the stale lock of " + other.describe()
          + ": that process is no longer running on this host");
      docker.removeContainer(c.id()); // by id: never a lock taken by someone else meanwhile
    }
    throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "could not take lock container " + name
        + " on the Docker daemon at " + docker.host() + ": it kept changing hands", "try again");
  }

  /** Removes the lock of (environment, target) whoever holds it; says whose it was. */
  public static String forceUnlock(Docker docker, String environment, String target) {
    String name = Labels.lock(environment, target);
    Optional<ContainerState> existing = docker.find(name);
    if (existing.isEmpty()) {
      return "no lock was held";
    }
    ContainerState c = existing.get();
    if (!(environment + "/" + target).equals(c.labels().get(Labels.LOCK))) {
      throw foreign(docker, name, environment, target, c);
    }
    docker.removeContainer(c.id());
    return "removed lock held by " + holderOf(c.labels()).describe() + " (lock container " + name + ")";
  }

  @Override
  public String describe() {
    return "lock container " + name + " on the Docker daemon at " + docker.host() + " held by " + holder.describe();
  }

  public LockHolder holder() {
    return holder;
  }

  /** Releases the lock (once; safe from another thread). */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      docker.removeContainer(id);
    } finally {
      if (ownsDocker) {
        docker.close();
      }
    }
  }

  /** Stale: the holder ran on this host and its process is gone, or its pid is now another process's. */
  static boolean stale(Map<String, String> labels, String thisHost) {
    return holderOf(labels).isStaleOn(thisHost);
  }

  private static LockHolder holderOf(Map<String, String> labels) {
    long pid;
    try {
      pid = Long.parseLong(labels.getOrDefault(Labels.LOCK_PID, "-1"));
    } catch (NumberFormatException e) {
      pid = -1;
    }
    Instant since;
    try {
      since = Instant.parse(labels.getOrDefault(Labels.LOCK_SINCE, ""));
    } catch (RuntimeException e) {
      since = Instant.EPOCH;
    }
    Instant processStarted;
    try {
      processStarted = labels.containsKey(Labels.LOCK_PID_STARTED) ? Instant.parse(labels.get(Labels.LOCK_PID_STARTED)) : null;
    } catch (RuntimeException e) {
      processStarted = null;
    }
    return new LockHolder(labels.getOrDefault(Labels.LOCK_USER, "?"), labels.getOrDefault(Labels.LOCK_HOST, "?"),
        pid, processStarted, null, since, labels.getOrDefault(Labels.LOCK_TOKEN, "?"));
  }

  private static PhoenixException foreign(Docker docker, String name, String environment, String target,
      ContainerState c) {
    String whose = c.labels().containsKey(Labels.LOCK) ? "the lock of " + c.labels().get(Labels.LOCK)
        : "not a Phoenix lock";
    return new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "a container named " + name
        + " exists on the Docker daemon at " + docker.host() + " and is " + whose + ", not the lock of " + environment
        + "/" + target + "; Phoenix does not touch it", "remove or rename that container, then re-run");
  }
}
