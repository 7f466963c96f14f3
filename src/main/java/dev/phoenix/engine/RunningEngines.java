package dev.phoenix.engine;

import dev.phoenix.core.Durations;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine commands running in this JVM, so that an interrupted rebuild stops them before it
 * releases its lock. An engine runs in a session of its own ({@code setsid}) so a Ctrl-C at the
 * terminal reaches Phoenix only: Phoenix then sends the engine exactly one SIGTERM, which Terraform
 * and OpenTofu take as "stop gracefully and save the state" (a second signal would make them exit
 * at once, state unsaved). Left running, an engine would go on applying after the lock was released.
 */
public final class RunningEngines {
  /** How long an engine may take to stop after its SIGTERM before it is killed. */
  public static final Duration GRACE = Duration.ofSeconds(20);

  private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();
  private static final String SETSID = findSetsid();

  private RunningEngines() {}

  /** A running engine command, as the drill record names it ({@code terraform apply}). */
  record Running(Process process, String name) {}

  static Running add(Process process, List<String> command) {
    Running running = new Running(process, new File(command.get(0)).getName() + (command.size() > 1 ? " " + command.get(1) : ""));
    RUNNING.add(running);
    return running;
  }

  static void remove(Running running) {
    RUNNING.remove(running);
  }

  /** {@code command} prefixed to run in a session of its own, where {@code setsid} is at hand. */
  static List<String> ownSession(List<String> command) {
    if (SETSID == null || !new File(command.get(0)).isAbsolute() || !new File(command.get(0)).canExecute()) {
      // no setsid, or a binary that will not start: run it as it is, so a failure to start reads as one
      return command;
    }
    List<String> wrapped = new ArrayList<>(command.size() + 1);
    wrapped.add(SETSID);
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Sends each running engine one SIGTERM, waits up to {@code grace} for it, then kills what is
   * left (with its children). Returns one line per engine for the drill record; empty when none ran.
   */
  public static List<String> stopAll(Duration grace) {
    List<Running> all = new ArrayList<>(RUNNING);
    List<String> said = new ArrayList<>();
    for (Running r : all) {
      if (r.process().isAlive()) {
        r.process().destroy(); // SIGTERM
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (Running r : all) {
      List<ProcessHandle> children = r.process().descendants().toList();
      long start = System.nanoTime();
      boolean stopped;
      try {
        stopped = r.process().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = false;
      }
      if (stopped) {
        said.add(r.name() + " stopped on SIGTERM (exit " + r.process().exitValue() + ", "
            + Durations.since(start).toMillis() + " ms)");
      } else {
        r.process().destroyForcibly();
        said.add(r.name() + " did not stop within " + grace.toSeconds() + " s of SIGTERM and was killed: its state may be locked or behind");
      }
      children.forEach(ProcessHandle::destroyForcibly);
      RUNNING.remove(r);
    }
    return said;
  }

  private static String findSetsid() {
    for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
      File f = new File(dir, "setsid");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
