package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server a test started stops with the test's JVM, even when the test never reached close():
 * the JVM is sent SIGTERM, as surefire's timeout or a stopped benchmark does.
 */
class ManagedProcessTest {
  @TempDir Path dir;

  @Test
  void aServerStopsWhenItsJvmIsTerminatedBeforeClosingIt() throws Exception {
    Process jvm = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ManagedProcessProbe.class.getName(), dir.toString()))
        .redirectErrorStream(true).start();
    long pid = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the probe's first line").startsWith("started ");
      pid = Long.parseLong(line.substring("started ".length()).strip());
      Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
      assertThat(sleeper).as("the server runs").hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
      jvm.destroy(); // SIGTERM: shutdown hooks run
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).as("the probe JVM exits").isTrue();
      ProcessHandle h = sleeper.get();
      h.onExit().get(30, TimeUnit.SECONDS);
      assertThat(h.isAlive()).as("the server stopped with it").isFalse();
    } finally {
      jvm.destroyForcibly();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // this test leaves nothing behind
    }
  }
}
