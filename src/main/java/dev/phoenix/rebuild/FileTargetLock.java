package dev.phoenix.rebuild;

import dev.phoenix.core.FileLock;
import dev.phoenix.core.LockHolder;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.UnderRoot;
import dev.phoenix.model.NameRules;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rebuild lock of (environment, target) as a {@link FileLock} at
 * {@code <--out>/locks/<environment>/<target>.lock} (the default {@link TargetLock}; {@code aws}
 * rebuilds and teardowns take it). A second rebuild fails at once naming the holder (UNAVAILABLE,
 * exit 3); a lock left by a process that has ended is taken over, and the progress says so;
 * {@code --force-unlock} removes it whoever holds it.
 */
public final class FileTargetLock implements TargetLock {
  private final FileLock lock;

  private FileTargetLock(FileLock lock) {
    this.lock = lock;
  }

  /** Where the lock of (environment, target) lives under {@code out}. */
  public static Path fileOf(Path out, String environment, String target) {
    return UnderRoot.resolve(out, "locks", safe(environment), safe(target) + ".lock");
  }

  /** Takes the lock for {@code command} (e.g. {@code phoenix rebuild}); {@code notes} hears a stale lock taken over. */
  public static FileTargetLock acquire(Path out, String environment, String target, String command,
      Consumer<String> notes) {
    Path file = fileOf(out, environment, target);
    try {
      return new FileTargetLock(FileLock.acquire(file, command, Duration.ZERO, notes));
    } catch (FileLock.Held e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "environment " + environment + " target " + target
          + " is already being rebuilt by " + e.who() + " (lock " + file + ")."
          + " If no rebuild is running, remove the lock with --force-unlock.",
          "wait for that rebuild to finish; phoenix rebuild --force-unlock removes a stale lock", e);
    } catch (UncheckedIOException e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, e.getMessage(),
          "check that " + file.getParent() + " can be written, then run again", e);
    }
  }

  /** Who holds the lock of (environment, target) now, if anyone (and its owner record is readable). */
  public static Optional<LockHolder> holder(Path out, String environment, String target) {
    return FileLock.holder(fileOf(out, environment, target));
  }

  /** Removes the lock whoever holds it; says whose it was. */
  public static String forceUnlock(Path out, String environment, String target) {
    Optional<LockHolder> was = FileLock.forceUnlock(fileOf(out, environment, target));
    return was.map(h -> "removed lock held by " + h.describe()).orElse("no lock was held");
  }

  public Path file() {
    return lock.file();
  }

  public LockHolder holder() {
    return lock.holder();
  }

  @Override
  public String describe() {
    return lock.describe();
  }

  @Override
  public void close() {
    lock.close();
  }

  private static String safe(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw PhoenixException.input("'" + name + "' cannot name a rebuild lock file",
          "environment names are " + NameRules.ENVIRONMENT.rule());
    }
    return name;
  }
}
