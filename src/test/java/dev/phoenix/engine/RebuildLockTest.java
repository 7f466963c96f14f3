package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildLockTest {

  @TempDir Path state;

  @Test
  void secondAcquireFailsNamingTheHolder() throws Exception {
    try (RebuildLock first = RebuildLock.acquire(state, "prod", "app")) {
      LockHolder me = first.holder();
      assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(first.file()).isEqualTo(state.resolve("locks/prod/app.lock"));
      assertThat(RebuildLock.holder(state, "prod", "app")).contains(me);

      assertThatThrownBy(() -> RebuildLock.acquire(state, "prod", "app"))
          .isInstanceOf(RebuildLockException.class)
          .hasMessageContaining("already being rebuilt by " + me.user() + "@" + me.host())
          .hasMessageContaining("pid " + me.pid())
          .hasMessageContaining("--force-unlock")
          .hasMessageNotContaining("stale")
          .satisfies(e -> assertThat(((RebuildLockException) e).holder()).isEqualTo(me));

      // other (environment, target) pairs are independent
      try (RebuildLock other = RebuildLock.acquire(state, "prod", "db")) {
        assertThat(other.file()).exists();
      }
    }
    assertThat(state.resolve("locks/prod/app.lock")).doesNotExist();
    try (RebuildLock again = RebuildLock.acquire(state, "prod", "app")) {
      assertThat(again.file()).exists();
    }
  }

  @Test
  void saysWhenALockOfThisHostLooksStale() throws Exception {
    Path file = RebuildLock.fileOf(state, "staging", "web");
    Files.createDirectories(file.getParent());
    String host = InetAddress.getLocalHost().getHostName();
    Files.writeString(file, "{\"user\":\"ghost\",\"host\":\"" + host + "\",\"pid\":" + deadPid()
        + ",\"startedAt\":\"2026-01-01T00:00:00Z\",\"token\":\"t\"}");
    assertThatThrownBy(() -> RebuildLock.acquire(state, "staging", "web"))
        .isInstanceOf(RebuildLockException.class)
        .hasMessageContaining("ghost@" + host)
        .hasMessageContaining("looks stale");

    assertThat(RebuildLock.forceUnlock(state, "staging", "web")).hasValueSatisfying(h -> assertThat(h.user()).isEqualTo("ghost"));
    try (RebuildLock lock = RebuildLock.acquire(state, "staging", "web")) {
      assertThat(lock.holder().user()).isEqualTo(System.getProperty("user.name"));
    }
  }

  @Test
  void releaseLeavesALockTakenOverAfterForceUnlockAlone() throws Exception {
    RebuildLock old = RebuildLock.acquire(state, "prod", "app");
    RebuildLock.forceUnlock(state, "prod", "app");
    try (RebuildLock current = RebuildLock.acquire(state, "prod", "app")) {
      old.close();
      assertThat(RebuildLock.holder(state, "prod", "app")).contains(current.holder());
    }
  }

  @Test
  void unreadableLockFileStillBlocks() throws Exception {
    Path file = RebuildLock.fileOf(state, "prod", "app");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    assertThatThrownBy(() -> RebuildLock.acquire(state, "prod", "app"))
        .isInstanceOf(RebuildLockException.class)
        .hasMessageContaining("unknown holder");
  }

  @Test
  void rejectsNamesThatWouldEscapeTheStateDir() {
    assertThatThrownBy(() -> RebuildLock.acquire(state, "../etc", "app"))
        .isInstanceOf(dev.phoenix.core.PhoenixException.class)
        .hasMessage("'../etc' cannot name a rebuild lock file");
    assertThat(state.resolve("locks")).doesNotExist();
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
