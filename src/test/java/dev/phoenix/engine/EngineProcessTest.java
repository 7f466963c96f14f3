package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process runner against /bin/sh standing in for the engine. */
class EngineProcessTest {

  @TempDir Path dir;

  @Test
  void streamsLinesKeepsTheTailAndReturnsTheExitCode() throws Exception {
    List<String> seen = new ArrayList<>();
    EngineProcess process = new EngineProcess(Map.of("PATH", "/usr/bin:/bin", "X", "from-env"), Duration.ofSeconds(20));
    var outcome = process.run(sh("pwd; for i in $(seq 1 40); do echo line $i; done; echo $X >&2; exit 3"),
        dir, false, seen::add);
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(seen).contains(dir.toRealPath().toString(), "line 1", "line 40", "from-env");
    // stdout and stderr are two pipes: where "from-env" lands among them is up to the scheduler
    assertThat(outcome.tail()).hasSize(EngineProcess.TAIL_LINES).contains("line 40").doesNotContain("line 1");
  }

  @Test
  void capturesStdoutWithoutStreamingIt() throws Exception {
    List<String> seen = new ArrayList<>();
    EngineProcess process = new EngineProcess(Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(20));
    var outcome = process.run(sh("echo '{\"a\":1}'; echo warn >&2"), dir, true, seen::add);
    assertThat(outcome.stdout()).isEqualTo("{\"a\":1}\n");
    assertThat(seen).containsExactly("warn");
  }

  @Test
  void stopsACommandThatRunsTooLong() throws Exception {
    EngineProcess process = new EngineProcess(Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(1));
    Path pids = dir.resolve("pids");
    long start = System.nanoTime();
    assertThatThrownBy(() -> process.run(sh("echo $$ > " + pids + "; sleep 3601 & echo $! >> " + pids
            + "; echo started; wait"), dir, false, line -> { }))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("timed out after PT1S")
        .satisfies(e -> assertThat(((EngineException) e).lastLines()).contains("started"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Files.readAllLines(pids)).hasSize(2).allSatisfy(pid -> assertStopped(Long.parseLong(pid.strip())));
  }

  @Test
  void aMissingBinaryIsAnEngineException() {
    EngineProcess process = new EngineProcess(Map.of(), Duration.ofSeconds(5));
    assertThatThrownBy(() -> process.run(List.of(dir.resolve("nope").toString(), "plan"), dir, false, l -> { }))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("cannot start");
  }

  @Test
  void aThrowingConsumerDoesNotStallTheCommand() throws Exception {
    EngineProcess process = new EngineProcess(Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(20));
    var outcome = process.run(sh("seq 1 100000"), dir, false, line -> {
      throw new IllegalStateException("display broke");
    });
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.tail()).contains("100000");
  }

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  /** The process (the command or a child it started) was ended; killing is asynchronous, so wait for its exit. */
  static void assertStopped(long pid) {
    ProcessHandle.of(pid).ifPresent(p -> {
      try {
        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("process " + pid + " (" + p.info().commandLine().orElse("?") + ") is still running", e);
      }
    });
  }
}
