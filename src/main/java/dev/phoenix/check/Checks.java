package dev.phoenix.check;

import dev.phoenix.core.PhoenixException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Checking references on the {@link Runner}, with one wording for what could not be checked:
 * {@link #run} gives each reference to the first checker that handles it, one lane per store (a
 * slow registry does not stall S3); {@link #jobs} is how a checker spreads its own requests. Every
 * reference given gets exactly one finding, and {@code options.done()} hears of each once.
 */
public final class Checks {
  /** The one wording for a reference the run's deadline left unchecked. */
  public static final Finding DEADLINE = Finding.unknown("not checked: the run's deadline passed");
  /** A checker returned without a finding for a reference it was given. */
  public static final Finding NO_ANSWER = Finding.unknown("not checked: the checker gave no answer");
  /** How long {@link #run} waits past the deadline for checkers to hand back what they have. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private Checks() {}

  /** A checker's unit of work (one request or one batch) and the references it answers for. */
  public record Job(String lane, List<Ref> refs, Supplier<Map<Ref, Finding>> work) {}

  /** No checker handles the reference: UNKNOWN, never OK. */
  public static Finding noChecker(Ref ref) {
    return Finding.unknown("no checker for store " + ref.store() + " (" + ref.getClass().getSimpleName()
        + " references)");
  }

  /** A check of {@code store} threw: its references are UNKNOWN with why (a Phoenix message, else the exception's type). */
  public static Finding failed(String store, RuntimeException e) {
    String why = e instanceof PhoenixException && e.getMessage() != null ? firstLine(e.getMessage())
        : e.getClass().getSimpleName();
    return Finding.unknown("the " + store + " check failed: " + why);
  }

  /** The same finding for every reference (a failure that stopped a whole batch). */
  public static Map<Ref, Finding> all(Collection<? extends Ref> refs, Finding finding) {
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : refs) {
      out.put(ref, finding);
    }
    return out;
  }

  /**
   * Every reference to the first checker that handles it; each (checker, store) group is one call
   * in its own lane, under {@code options.deadline()} (plus a short grace for the call to return
   * what it has). References no checker handles are {@link #noChecker}.
   */
  public static Map<Ref, Finding> run(List<RefChecker> checkers, Collection<Ref> refs, CheckOptions options) {
    Set<Ref> once = ConcurrentHashMap.newKeySet();
    Consumer<Ref> done = ref -> {
      if (once.add(ref)) {
        options.done().accept(ref);
      }
    };
    CheckOptions inner = new CheckOptions(options.deep(), options.concurrency(), options.deadline(),
        options.insecureRegistries(), done);
    Map<String, List<Ref>> groups = new LinkedHashMap<>();
    Map<String, RefChecker> owner = new LinkedHashMap<>();
    Map<Ref, Finding> unhandled = new LinkedHashMap<>();
    List<Ref> handled = new ArrayList<>();
    for (Ref ref : new LinkedHashSet<>(refs)) {
      int index = firstHandling(checkers, ref);
      if (index < 0) {
        unhandled.put(ref, noChecker(ref)); // nothing was checked: progress counts checked references only
        continue;
      }
      handled.add(ref);
      String lane = index + " " + ref.store();
      owner.putIfAbsent(lane, checkers.get(index));
      groups.computeIfAbsent(lane, k -> new ArrayList<>()).add(ref);
    }
    List<Job> jobs = new ArrayList<>();
    groups.forEach((lane, mine) -> jobs.add(new Job(lane, List.copyOf(mine), () -> owner.get(lane).check(mine, inner))));
    Runner runner = Runner.lanes(1).until(options.deadline(), GRACE).named("check");
    Map<Ref, Finding> found = on(runner, handled, jobs, options.deadline(), done);
    found.putAll(unhandled);
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : new LinkedHashSet<>(refs)) {
      out.put(ref, found.get(ref));
    }
    return out;
  }

  /**
   * A checker's jobs: one lane per store the jobs name, {@code options.concurrency()} at a time in
   * each; what is not finished at {@code options.deadline()} is {@link #DEADLINE}.
   */
  public static Map<Ref, Finding> jobs(Collection<Ref> refs, List<Job> jobs, CheckOptions options) {
    Runner runner = Runner.lanes(options.concurrency()).until(options.deadline(), Duration.ZERO).named("check-job");
    return on(runner, refs, jobs, options.deadline(), options.done());
  }

  /** Runs jobs on {@code runner}: one finding per reference of {@code refs}, in their order. */
  public static Map<Ref, Finding> on(Runner runner, Collection<Ref> refs, List<Job> jobs, Instant deadline,
      Consumer<Ref> done) {
    Set<Ref> reported = ConcurrentHashMap.newKeySet();
    Consumer<Ref> once = ref -> {
      if (reported.add(ref)) {
        done.accept(ref);
      }
    };
    List<Runner.Unit<Map<Ref, Finding>>> units = new ArrayList<>();
    Map<Runner.Unit<Map<Ref, Finding>>, Job> jobOf = new IdentityHashMap<>();
    for (Job job : jobs) {
      Runner.Unit<Map<Ref, Finding>> unit = new Runner.Unit<>(job.lane(), null, () -> answered(job, deadline));
      units.add(unit);
      jobOf.put(unit, job);
    }
    List<Map<Ref, Finding>> answers = runner.run(units, new Runner.Outcomes<>() {
      @Override
      public Map<Ref, Finding> late(Runner.Unit<Map<Ref, Finding>> unit) {
        return all(jobOf.get(unit).refs(), DEADLINE);
      }

      @Override
      public Map<Ref, Finding> failed(Runner.Unit<Map<Ref, Finding>> unit, RuntimeException e) {
        Job job = jobOf.get(unit);
        return all(job.refs(), Checks.failed(job.refs().isEmpty() ? job.lane() : job.refs().get(0).store(), e));
      }

      @Override
      public void done(Runner.Unit<Map<Ref, Finding>> unit, Map<Ref, Finding> answer) {
        jobOf.get(unit).refs().forEach(once);
      }
    });
    Map<Ref, Finding> found = new LinkedHashMap<>();
    answers.forEach(a -> a.forEach(found::putIfAbsent));
    Map<Ref, Finding> ordered = new LinkedHashMap<>();
    for (Ref ref : refs) {
      ordered.put(ref, found.getOrDefault(ref, NO_ANSWER));
      once.accept(ref);
    }
    return ordered;
  }

  /** A job's own answer, every one of its references filled in: at or after the deadline a gap is {@link #DEADLINE}. */
  private static Map<Ref, Finding> answered(Job job, Instant deadline) {
    Map<Ref, Finding> answer = job.work().get();
    boolean late = deadline != null && !Instant.now().isBefore(deadline) || Thread.currentThread().isInterrupted();
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : job.refs()) {
      Finding f = answer == null ? null : answer.get(ref);
      out.put(ref, f != null ? f : late ? DEADLINE : NO_ANSWER);
    }
    return out;
  }

  private static int firstHandling(List<RefChecker> checkers, Ref ref) {
    for (int i = 0; i < checkers.size(); i++) {
      if (checkers.get(i).handles(ref)) {
        return i;
      }
    }
    return -1;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
