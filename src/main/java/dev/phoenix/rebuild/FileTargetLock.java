package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.engine.LockHolder;
import dev.phoenix.engine.RebuildLock;
import dev.phoenix.engine.RebuildLockException;
import java.nio.file.Path;
import java.util.Optional;

/** The default {@link TargetLock}: a {@link RebuildLock} file under {@code <--out>/locks}. */
final class FileTargetLock implements TargetLock {
  private final RebuildLock lock;

  private FileTargetLock(RebuildLock lock) {
    this.lock = lock;
  }

  static TargetLock acquire(Path out, String environment, String target) {
    try {
      return new FileTargetLock(RebuildLock.acquire(out, environment, target));
    } catch (RebuildLockException e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, e.getMessage(),
          "wait for that rebuild to finish; phoenix rebuild --force-unlock removes a stale lock", e);
    }
  }

  static String forceUnlock(Path out, String environment, String target) {
    Optional<LockHolder> was = RebuildLock.forceUnlock(out, environment, target);
    return was.map(h -> "removed lock held by " + h.describe()).orElse("no lock was held");
  }

  @Override
  public String describe() {
    return "lock " + lock.file() + " held by " + lock.holder().describe();
  }

  @Override
  public void close() {
    lock.close();
  }
}
