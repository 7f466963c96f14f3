package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock contention between two processes: this JVM and a second one started from the test classpath. */
class RebuildLockIT {

  @TempDir Path state;

  @Test
  void aSecondProcessCannotTakeTheLockAndIsToldWhoHoldsIt() throws Exception {
    try (RebuildLock held = RebuildLock.acquire(state, "prod", "app")) {
      Process other = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          LockProbe.class.getName(), state.toString(), "prod", "app"))
          .redirectErrorStream(true).start();
      assertThat(other.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
      String said = new String(other.getInputStream().readAllBytes());
      assertThat(other.exitValue()).as(said).isEqualTo(LockProbe.HELD);
      assertThat(said).contains("already being rebuilt by " + held.holder().user() + "@" + held.holder().host())
          .contains("pid " + ProcessHandle.current().pid());
    }
    assertThat(Files.list(state.resolve("locks/prod"))).isEmpty();
  }
}
