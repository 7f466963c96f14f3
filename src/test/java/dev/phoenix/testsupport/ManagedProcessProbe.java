package dev.phoenix.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Main of the second JVM in {@link ManagedProcessTest}: starts {@code sleep 600} as a managed
 * process, prints its pid and waits, never closing it, until it is killed.
 */
public final class ManagedProcessProbe {
  private ManagedProcessProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ManagedProcess sleeper = ManagedProcess.start("sleeper", List.of("sleep", "600"), dir,
        dir.resolve("out.log"), dir.resolve("out.log"), Map.of());
    System.out.println("started " + sleeper.pid());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
