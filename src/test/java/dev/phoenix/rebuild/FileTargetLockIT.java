package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuild lock contention between two processes: this JVM and a second one started from the test classpath. */
class FileTargetLockIT {

  @TempDir Path state;

  @Test
  void aSecondProcessCannotTakeTheLockAndIsToldWhoHoldsIt() throws Exception {
    try (FileTargetLock held = FileTargetLock.acquire(state, "prod", "app", "phoenix rebuild", line -> {})) {
      Process other = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          TargetLockProbe.class.getName(), state.toString(), "prod", "app"))
          .redirectErrorStream(true).start();
      assertThat(other.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
      String said = new String(other.getInputStream().readAllBytes());
      assertThat(other.exitValue()).as(said).isEqualTo(TargetLockProbe.HELD);
      assertThat(said).contains("already being rebuilt by " + held.holder().user() + "@" + held.holder().host())
          .contains("pid " + ProcessHandle.current().pid());
    }
    assertThat(Files.list(state.resolve("locks/prod"))).isEmpty();
  }
}
