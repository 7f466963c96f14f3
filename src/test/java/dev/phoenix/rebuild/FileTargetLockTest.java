package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.FileLock;
import dev.phoenix.core.LockHolder;
import dev.phoenix.core.PhoenixException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuild lock's place and wording on {@link FileLock} (whose own tests are in core). */
class FileTargetLockTest {

  @TempDir Path state;

  private final List<String> progress = new ArrayList<>();

  private FileTargetLock take(String environment, String target) {
    return FileTargetLock.acquire(state, environment, target, "phoenix rebuild", progress::add);
  }

  @Test
  void secondAcquireFailsNamingTheHolder() throws Exception {
    try (FileTargetLock first = take("prod", "app")) {
      LockHolder me = first.holder();
      assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(first.file()).isEqualTo(state.resolve("locks/prod/app.lock"));
      assertThat(FileTargetLock.holder(state, "prod", "app")).contains(me);
      assertThat(first.describe()).isEqualTo("lock " + first.file() + " held by " + me.describe());

      assertThatThrownBy(() -> take("prod", "app"))
          .isInstanceOf(PhoenixException.class)
          .hasMessageContaining("already being rebuilt by " + me.user() + "@" + me.host())
          .hasMessageContaining("pid " + me.pid())
          .hasMessageContaining("phoenix rebuild")
          .hasMessageContaining("--force-unlock")
          .hasMessageNotContaining("stale")
          .satisfies(e -> assertThat(((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.UNAVAILABLE))
          .satisfies(e -> assertThat(((FileLock.Held) e.getCause()).holder()).contains(me));

      // other (environment, target) pairs are independent
      try (FileTargetLock other = take("prod", "db")) {
        assertThat(other.file()).exists();
      }
    }
    assertThat(state.resolve("locks/prod/app.lock")).doesNotExist();
    try (FileTargetLock again = take("prod", "app")) {
      assertThat(again.file()).exists();
    }
    assertThat(progress).isEmpty();
  }

  @Test
  void aLockLeftByADeadProcessOfThisHostIsTakenOverAndTheProgressSaysSo() throws Exception {
    Path file = FileTargetLock.fileOf(state, "staging", "web");
    Files.createDirectories(file.getParent());
    String host = InetAddress.getLocalHost().getHostName();
    Files.writeString(FileLock.ownerRecordOf(file), "{\"user\":\"ghost\",\"host\":\"" + host + "\",\"pid\":" + deadPid()
        + ",\"startedAt\":\"2026-01-01T00:00:00Z\",\"token\":\"t\"}");
    assertThat(FileTargetLock.holder(state, "staging", "web")).hasValueSatisfying(h -> assertThat(h.user()).isEqualTo("ghost"));
    try (FileTargetLock lock = take("staging", "web")) {
      assertThat(lock.holder().user()).isEqualTo(System.getProperty("user.name"));
    }
    assertThat(progress).singleElement().asString().contains("taking over the stale lock " + file + " of ghost@" + host)
        .contains("no longer running on this host");
  }

  @Test
  void forceUnlockSaysWhoseLockItRemoved() {
    FileTargetLock old = take("prod", "app");
    assertThat(FileTargetLock.forceUnlock(state, "prod", "app")).isEqualTo("removed lock held by " + old.holder().describe());
    assertThat(FileTargetLock.forceUnlock(state, "prod", "app")).isEqualTo("no lock was held");
    try (FileTargetLock current = take("prod", "app")) {
      old.close();
      assertThat(FileTargetLock.holder(state, "prod", "app")).contains(current.holder());
    }
  }

  @Test
  void anEmptyLockFileWithNoHolderIsTakenOver() throws Exception {
    Path file = FileTargetLock.fileOf(state, "prod", "app");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    try (FileTargetLock lock = take("prod", "app")) {
      assertThat(FileTargetLock.holder(state, "prod", "app")).contains(lock.holder());
    }
  }

  @Test
  void rejectsNamesThatWouldEscapeTheStateDir() {
    assertThatThrownBy(() -> take("../etc", "app"))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("'../etc' cannot name a rebuild lock file");
    assertThat(state.resolve("locks")).doesNotExist();
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
