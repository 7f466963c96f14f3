package dev.phoenix.rebuild;

import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException.Kind;
import dev.phoenix.engine.RunningEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rebuild that holds its lock ends: exactly once, either normally ({@link #finish}) or by
 * SIGINT/SIGTERM. For the latter a JVM shutdown hook, registered while the lock is held, stops a
 * running engine command ({@link RunningEngines}: one SIGTERM, then a bounded wait), writes the
 * record with outcome {@code interrupted} (the phase that was running and everything the target had
 * started) and releases the lock; the JVM then exits (130 after SIGINT, 143 after SIGTERM). What the
 * target left is what a failed run leaves: a re-run converges from it without {@code --force-unlock}.
 */
final class Ending implements AutoCloseable {
  private final DrillRecords records;
  private final RecordBuilder record;
  private final PhaseRunner phases;
  private final Progress progress;
  private final TargetLock lock;
  private final Thread hook;
  private boolean ended;
  private RebuildResult interrupted;

  Ending(DrillRecords records, RecordBuilder record, PhaseRunner phases, Progress progress, TargetLock lock) {
    this.records = records;
    this.record = record;
    this.phases = phases;
    this.progress = progress;
    this.lock = lock;
    this.hook = new Thread(this::interrupt, "phoenix-interrupted-rebuild");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Writes the record of a normal ending; after an interruption, returns that record's result instead. */
  synchronized RebuildResult finish(RebuildOutcome outcome, String reason, Kind kind, Prepared prepared,
      Preflight.Result pre) {
    if (ended) {
      return interrupted;
    }
    ended = true;
    Path file = phases.run("record", () -> {
      long start = System.nanoTime();
      record.build(outcome, reason, phases.timings()); // assembling it is the phase's work, timed into it
      List<PhaseTiming> timings = new ArrayList<>(phases.timings());
      timings.add(new PhaseTiming("record", Durations.since(start), "ok", "written"));
      return records.write(record.build(outcome, reason, timings));
    }, f -> "written " + f);
    return new RebuildResult(DrillRecords.read(file), file, prepared, pre, kind);
  }

  /** The shutdown hook: record {@code interrupted}, release the lock. */
  private void interrupt() {
    synchronized (this) {
      if (!ended) {
        ended = true;
        List<String> engines = RunningEngines.stopAll(RunningEngines.GRACE); // before the lock goes
        engines.forEach(line -> progress.line("interrupted: " + line));
        writeInterrupted(engines);
      }
    }
    try {
      lock.close();
      progress.line("interrupted: lock released");
    } catch (RuntimeException e) {
      progress.line("interrupted: the lock could not be released: " + e.getMessage());
    }
  }

  private void writeInterrupted(List<String> engines) {
    String phase = phases.current();
    List<String> started = record.started();
    String reason = "interrupted (SIGINT or SIGTERM)" + (phase == null ? "" : " during phase " + phase)
        + (started.isEmpty() ? "; nothing had been started" : "; started before the stop: " + String.join(", ", started))
        + (engines.isEmpty() ? "; the lock was released, a re-run converges from here"
            : "; " + String.join("; ", engines) + "; the lock was released, a re-run starts from the state the engine saved"
                + " (a create it had under way may exist without being in that state: the re-run's apply names it)");
    try {
      Path file = records.write(record.build(RebuildOutcome.INTERRUPTED, reason, phases.timingsInterrupted()));
      interrupted = new RebuildResult(DrillRecords.read(file), file, null, null, Kind.UNAVAILABLE);
      progress.line("interrupted: record " + file + " written");
    } catch (RuntimeException e) {
      progress.line("interrupted: the drill record could not be written: " + e.getMessage());
    }
  }

  /** Unregisters the hook (unless the JVM is already running it). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook is running or has run
    }
  }
}
