package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLockTest {

  @TempDir Path dir;

  private final List<String> notes = new ArrayList<>();

  private FileLock take(Path file) throws FileLock.Held {
    return FileLock.acquire(file, "phoenix test", Duration.ZERO, notes::add);
  }

  @Test
  void aSecondHolderInThisJvmIsRefusedNamingTheFirst() throws Exception {
    Path file = dir.resolve("a.lock");
    try (FileLock first = take(file)) {
      assertThat(first.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(first.holder().command()).isEqualTo("phoenix test");
      assertThat(FileLock.holder(file)).contains(first.holder());
      assertThatThrownBy(() -> take(file))
          .isInstanceOf(FileLock.Held.class)
          .satisfies(e -> assertThat(((FileLock.Held) e).holder()).contains(first.holder()))
          .hasMessageContaining("is locked by " + first.holder().describe());
      // another thread of this JVM is refused the same way
      CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
        try (FileLock unexpected = take(file)) {
          return new AssertionError("took " + unexpected.file());
        } catch (Throwable e) {
          return e;
        }
      });
      assertThat(other.get(30, TimeUnit.SECONDS)).isInstanceOf(FileLock.Held.class);
      // and the refusals did not loosen the OS lock (closing any descriptor of the file would have)
      assertThat(probe("os", file).exitValue()).isEqualTo(FileLockProbe.HELD);
      assertThat(probe("try", file).exitValue()).isEqualTo(FileLockProbe.HELD);
      assertThat(probe("os", file).exitValue()).isEqualTo(FileLockProbe.HELD);
      // another file is another lock
      try (FileLock b = take(dir.resolve("b.lock"))) {
        assertThat(b.file()).exists();
      }
    }
    assertThat(notes).isEmpty();
  }

  @Test
  void aSecondProcessIsRefusedAndToldWhoHoldsIt() throws Exception {
    Path file = dir.resolve("a.lock");
    try (FileLock held = take(file)) {
      Process other = probe("try", file);
      String said = output(other);
      assertThat(other.exitValue()).as(said).isEqualTo(FileLockProbe.HELD);
      assertThat(said).contains("held by " + held.holder().user() + "@" + held.holder().host())
          .contains("(pid " + ProcessHandle.current().pid() + ", phoenix test) since ");
    }
    Process after = probe("try", file);
    assertThat(after.exitValue()).as(output(after)).isEqualTo(FileLockProbe.TAKEN);
    assertThat(Files.list(dir)).isEmpty();
  }

  @Test
  void aLockHeldByAnotherProcessIsRefusedHereAndTakenOverOnceItIsKilled() throws Exception {
    Path file = dir.resolve("a.lock");
    Process holder = start("hold", file);
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String first = lines.readLine();
      assertThat(first).isEqualTo("holding " + holder.pid());

      assertThatThrownBy(() -> take(file))
          .isInstanceOf(FileLock.Held.class)
          .satisfies(e -> assertThat(((FileLock.Held) e).holder()).hasValueSatisfying(h -> {
            assertThat(h.pid()).isEqualTo(holder.pid());
            assertThat(h.command()).isEqualTo("probe hold");
          }));
      // an owner record that cannot be read does not make a held lock free
      Path record = FileLock.ownerRecordOf(file);
      String kept = Files.readString(record);
      Files.writeString(record, "{ half-writ");
      assertThatThrownBy(() -> take(file))
          .isInstanceOf(FileLock.Held.class)
          .hasMessageContaining("an unknown holder");
      Files.writeString(record, kept);

      holder.destroyForcibly();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      try (FileLock mine = take(file)) {
        assertThat(mine.holder().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(FileLock.holder(file)).contains(mine.holder());
      }
      assertThat(notes).singleElement().asString()
          .contains("taking over the stale lock " + file)
          .contains("(pid " + holder.pid() + ", probe hold)")
          .contains("that process is no longer running on this host");
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aStaleOwnerRecordIsTakenOverAndTheNotesSaySo() throws Exception {
    Path file = dir.resolve("a.lock");
    LockHolder me = LockHolder.me("x");
    record(file, me.host(), deadPid());
    try (FileLock lock = take(file)) {
      assertThat(FileLock.holder(file)).contains(lock.holder());
    }
    assertThat(notes).singleElement().asString().contains("ghost@" + me.host())
        .contains("that process is no longer running on this host");

    notes.clear();
    record(file, "build-agent-7.example.com", 1);
    try (FileLock lock = take(file)) {
      assertThat(lock.holder().host()).isEqualTo(me.host());
    }
    assertThat(notes).singleElement().asString().contains("ghost@build-agent-7.example.com (pid 1")
        .contains("no process holds it any more");

    notes.clear();
    Files.writeString(file, "");
    Files.writeString(FileLock.ownerRecordOf(file), "not json");
    try (FileLock lock = take(file)) {
      assertThat(FileLock.holder(file)).contains(lock.holder());
    }
    assertThat(notes).singleElement().asString().contains("its owner record was unreadable");
  }

  @Test
  void aRecordNamingARunningProcessOfThisHostIsHonouredEvenWhenTheOsLockIsFree() throws Exception {
    Path file = dir.resolve("a.lock");
    Process sleeper = new ProcessBuilder("sleep", "120").start();
    try {
      record(file, LockHolder.me("x").host(), sleeper.pid());
      assertThatThrownBy(() -> take(file))
          .isInstanceOf(FileLock.Held.class)
          .hasMessageContaining("(pid " + sleeper.pid());
      sleeper.destroyForcibly();
      assertThat(sleeper.waitFor(60, TimeUnit.SECONDS)).isTrue();
      try (FileLock lock = take(file)) {
        assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      }
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void releaseRemovesTheRecordAndTheLockFileButNeverALockTakenByAnotherAfterForceUnlock() throws Exception {
    Path file = dir.resolve("locks/a.lock");
    FileLock old = take(file);
    assertThat(FileLock.ownerRecordOf(file)).exists();
    assertThat(FileLock.forceUnlock(file)).contains(old.holder());
    assertThat(file).doesNotExist();
    try (FileLock current = take(file)) {
      old.close();
      old.close(); // twice is fine
      assertThat(FileLock.holder(file)).contains(current.holder());
      assertThat(file).exists();
    }
    assertThat(file).doesNotExist();
    assertThat(FileLock.ownerRecordOf(file)).doesNotExist();
    assertThat(Files.list(dir.resolve("locks"))).isEmpty();
    assertThat(FileLock.forceUnlock(file)).isEmpty();
  }

  @Test
  void aWaitingHolderGetsTheLockOnceItIsReleased() throws Exception {
    Path file = dir.resolve("a.lock");
    FileLock first = take(file);
    CompletableFuture<LockHolder> second = CompletableFuture.supplyAsync(() -> {
      try (FileLock lock = FileLock.acquire(file, "second", Duration.ofSeconds(60), notes::add)) {
        return lock.holder();
      } catch (FileLock.Held e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300); // let the second one find it held
    first.close();
    assertThat(second.get(60, TimeUnit.SECONDS).command()).isEqualTo("second");
    assertThat(notes).isEmpty();
  }

  @Test
  void aLinkWhereTheLockFileOrItsRecordGoesIsRefusedAndNotFollowed() throws Exception {
    Path target = Files.writeString(dir.resolve("precious"), "keep me");
    Path file = dir.resolve("a.lock");
    Files.createSymbolicLink(file, target);
    assertThatThrownBy(() -> take(file))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining(file + " should be a lock file but is a symbolic link");
    Files.delete(file);
    Files.createSymbolicLink(FileLock.ownerRecordOf(file), target);
    assertThatThrownBy(() -> take(file))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("should be an owner record but is a symbolic link");
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(file).doesNotExist(); // nothing left held or behind when it was refused
  }

  private static void record(Path file, String host, long pid) throws Exception {
    Files.writeString(FileLock.ownerRecordOf(file), "{\"user\":\"ghost\",\"host\":\"" + host + "\",\"pid\":" + pid
        + ",\"command\":\"phoenix rebuild\",\"startedAt\":\"" + Instant.parse("2026-01-01T00:00:00Z")
        + "\",\"token\":\"t\"}");
  }

  private static Process start(String mode, Path file) throws Exception {
    return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FileLockProbe.class.getName(), mode, file.toString()))
        .redirectErrorStream(true).start();
  }

  private static Process probe(String mode, Path file) throws Exception {
    Process p = start(mode, file);
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p;
  }

  private static String output(Process p) throws Exception {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
