package dev.phoenix.lockwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.support.Estates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileWriterTest {
  @TempDir Path root;
  Path lock;

  @BeforeEach
  void estate() {
    Estates.write(root, "environments/prod/environment.lock.yaml", LockTextTest.COMMENTED);
    Estates.write(root, "stacks/services.yaml", Estates.servicesStack());
    Estates.write(root, "stacks/functions.yaml", Estates.functionsStack());
    lock = root.resolve("environments/prod/environment.lock.yaml");
  }

  static Assurance record(String step) {
    return new Assurance(step, "passed", Instant.parse("2026-11-21T10:00:00Z"), "https://ci.example.com/" + step);
  }

  @Test
  void writesAValidFileAndReportsTheChange() throws Exception {
    WriteResult r = new LockfileWriter(root, Duration.ZERO)
        .write("prod", l -> List.of(new LockEdit.AddAssurance("payments-api", record("scan"))), x -> {});
    assertThat(r.changed()).isTrue();
    assertThat(r.changes()).extracting(c -> c.render()).containsExactly("~ payments-api assurance: 2 records → 3 records");
    assertThat(EstateReader.read(new WorkingTreeFiles(root), "prod").problems()).isEmpty();
    assertThat(Files.readString(lock)).contains("# ledger team owns this one");
    assertThat(LockfileWriter.writeLockOf(lock)).doesNotExist();
  }

  @Test
  void aLockfileThatWouldNotValidateIsNeverWritten() throws Exception {
    byte[] before = Files.readAllBytes(lock);
    assertThatThrownBy(() -> new LockfileWriter(root, Duration.ZERO).write("prod",
        l -> List.of(new LockEdit.PutConfig("payments-api", "DB_PASSWORD", new ConfigSource.PlainValue("hunter2hunter2"))),
        x -> {}))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("would not validate; nothing was written")
        .hasMessageContaining("environments/prod/environment.lock.yaml:")
        .hasMessageContaining("its name DB_PASSWORD says it is secret")
        .hasMessageNotContaining("hunter2");
    assertThat(Files.readAllBytes(lock)).isEqualTo(before);
    assertThat(LockfileWriter.writeLockOf(lock)).doesNotExist();
  }

  /** A writer adding assurance "first" that holds the write lock until {@code release}; returns once it holds it. */
  private CompletableFuture<WriteResult> firstWriterInside(CountDownLatch release) throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    CompletableFuture<WriteResult> first = CompletableFuture.supplyAsync(() ->
        new LockfileWriter(root, Duration.ZERO, "phoenix attest", line -> {}).write("prod", l -> {
          inside.countDown();
          await(release);
          return List.of(new LockEdit.AddAssurance("payments-api", record("first")));
        }, x -> {}));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    return first;
  }

  @Test
  void twoConcurrentWritersOneWinsTheOtherFailsCleanly() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<WriteResult> first = firstWriterInside(release);
    byte[] during = Files.readAllBytes(lock);
    assertThatThrownBy(() -> new LockfileWriter(root, Duration.ZERO)
        .write("prod", l -> List.of(new LockEdit.AddAssurance("payments-api", record("second"))), x -> {}))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("another Phoenix is writing environment.lock.yaml in prod ("
            + System.getProperty("user.name") + "@")
        .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ", phoenix attest) since ")
        .satisfies(e -> assertThat(((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.UNAVAILABLE));
    assertThat(Files.readAllBytes(lock)).isEqualTo(during);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).changed()).isTrue();
    String after = Files.readString(lock);
    assertThat(after).contains("step: first").doesNotContain("step: second");
    assertThat(EstateReader.read(new WorkingTreeFiles(root), "prod").problems()).isEmpty();
  }

  @Test
  void aWriterWithLockWaitGoesAfterTheOtherAndKeepsBothChanges() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<WriteResult> first = firstWriterInside(release);
    java.util.concurrent.atomic.AtomicReference<String> seenBySecond = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean releasedWhenSecondPlanned = new java.util.concurrent.atomic.AtomicBoolean();
    CompletableFuture<WriteResult> second = CompletableFuture.supplyAsync(() -> new LockfileWriter(root, Duration.ofSeconds(20))
        .write("prod", l -> {
          releasedWhenSecondPlanned.set(release.getCount() == 0);
          seenBySecond.set(readLock());
          return List.of(new LockEdit.AddAssurance("payments-api", record("second")));
        }, x -> {}));
    Thread.sleep(300); // give the second writer time to reach the held lock
    assertThat(second).as("the second writer is waiting, neither failed nor written").isNotDone();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);
    assertThat(releasedWhenSecondPlanned).as("the second writer planned only after the first let go").isTrue();
    assertThat(seenBySecond.get()).as("and read the lockfile the first one wrote").contains("step: first");
    assertThat(Files.readString(lock)).contains("step: first").contains("step: second");
  }

  @Test
  void aFileChangedByAnotherEditorDuringTheWriteIsLeftAsThatEditorWroteIt() throws Exception {
    String edited = Files.readString(lock).replace("version: 7}", "version: 9}");
    assertThatThrownBy(() -> new LockfileWriter(root, Duration.ZERO).write("prod", l -> {
      Estates.write(root, "environments/prod/environment.lock.yaml", edited);
      return List.of(new LockEdit.AddAssurance("payments-api", record("mine")));
    }, x -> {}))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("was changed by someone else");
    assertThat(Files.readString(lock)).isEqualTo(edited);
  }

  @Test
  void aWriteLockLeftByAKilledWriterIsTakenOverAndSaidSo() throws Exception {
    Path writing = LockfileWriter.writeLockOf(lock);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(writing, "t");
    Files.writeString(dev.phoenix.core.FileLock.ownerRecordOf(writing), "{\"user\":\"ghost\",\"host\":\""
        + dev.phoenix.core.LockHolder.thisHost() + "\",\"pid\":" + gone.pid()
        + ",\"command\":\"phoenix promote\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"token\":\"t\"}");
    List<String> notes = new java.util.ArrayList<>();
    WriteResult r = new LockfileWriter(root, Duration.ZERO, "phoenix attest", notes::add)
        .write("prod", l -> List.of(new LockEdit.AddAssurance("payments-api", record("scan"))), x -> {});
    assertThat(r.changed()).isTrue();
    assertThat(notes).singleElement().asString().contains("taking over the stale lock " + writing)
        .contains("ghost@").contains("(pid " + gone.pid() + ", phoenix promote)")
        .contains("no longer running on this host");
    assertThat(writing).doesNotExist();
    assertThat(dev.phoenix.core.FileLock.ownerRecordOf(writing)).doesNotExist();
  }

  private String readLock() {
    try {
      return Files.readString(lock);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
