package dev.phoenix.rebuild;

/**
 * Where a rebuild builds the environment: {@code aws} (Terraform stacks synthesized with CDKTF,
 * run by OpenTofu/Terraform), {@code local} (Docker containers), or a test target. The shared
 * {@link RebuildPipeline} does everything else: resolve the revision, verify every reference
 * (preflight), take the rebuild lock, time each phase, and write the drill record.
 *
 * <p>The pipeline calls {@link #synthesize} (phase {@code synth}) and then {@link #deploy} (phase
 * {@code engine}), in that order, once each, only after preflight passed. {@code deploy} is
 * called while holding the {@link #lock} of (environment, {@link #name}).
 *
 * <p>Errors: throw {@link dev.phoenix.core.PhoenixException} — {@code INPUT} (bad target options,
 * exit 2), {@code UNAVAILABLE} (the target could not be reached or run, exit 3), {@code
 * CHECK_FAILED} (exit 1). A deployment that ran and failed is a {@link Deployed} with outcome
 * {@link RebuildOutcome#FAILED}, not an exception, so the record says what was done before the failure.
 * Neither method may put a secret's value in any file, line of progress, or returned text.
 */
public interface Target {

  /** The {@code --target} word, e.g. {@code aws}; also names the lock and the record's target. */
  String name();

  /**
   * Checks the target options before anything else runs (default: accepts all). Throw an INPUT
   * {@link dev.phoenix.core.PhoenixException} listing every problem with its line ({@link
   * TargetSettings#problem}, {@link TargetSettings#requireNone}).
   */
  default void validate(TargetSettings settings, String environment, boolean apply) {}

  /**
   * True when deploying always creates the environment, without {@code --apply} (a local drill's
   * containers are disposable); the drill record then says mode {@code apply}.
   */
  default boolean appliesWithoutFlag() {
    return false;
  }

  /**
   * Takes the rebuild lock of ({@code environment}, this target), or throws an UNAVAILABLE {@link
   * dev.phoenix.core.PhoenixException} naming who holds it (exit 3). Default: a lock file under
   * {@code out} ({@link FileTargetLock} on {@link dev.phoenix.core.FileLock}: a lock left by a process
   * that has ended is taken over, and {@code progress} says so); a target whose environment lives
   * somewhere shared (the local target's Docker daemon) keeps its lock there instead.
   */
  default TargetLock lock(String environment, java.nio.file.Path out, TargetSettings settings, Progress progress) {
    return FileTargetLock.acquire(out, environment, name(), "phoenix rebuild", progress::line);
  }

  /** Removes the lock of ({@code environment}, this target) whoever holds it; says whose it was. */
  default String forceUnlock(String environment, java.nio.file.Path out, TargetSettings settings) {
    return FileTargetLock.forceUnlock(out, environment, name());
  }

  /**
   * Turns the resolved revision into this target's deployable form under {@link
   * TargetContext#outDir()}. Touches no infrastructure, except writing rebuild-scoped copies of
   * pinned configuration the target cannot reference by version (reported in {@link
   * Prepared#materialized()}).
   */
  Prepared synthesize(Resolved resolved, TargetContext context);

  /**
   * Plans (always) and, when {@link TargetContext#apply()}, applies what {@link #synthesize}
   * prepared. Terraform-based targets delegate to {@link TerraformDeployer}.
   */
  Deployed deploy(Resolved resolved, Prepared prepared, TargetContext context);
}
