package dev.phoenix.rebuild;

/**
 * Where a rebuild builds the environment: {@code aws} (Terraform stacks synthesized with CDKTF,
 * run by OpenTofu/Terraform), {@code local} (Docker containers), or a test target. The shared
 * {@link RebuildPipeline} does everything else: resolve the revision, verify every reference
 * (preflight), take the rebuild lock, time each phase, and write the drill record.
 *
 * <p>The pipeline calls {@link #synthesize} (phase {@code synth}) and then {@link #deploy} (phase
 * {@code engine}), in that order, once each, only after preflight passed. {@code deploy} is
 * called while holding the {@link dev.phoenix.engine.RebuildLock} of (environment, {@link #name}).
 *
 * <p>Errors: throw {@link dev.phoenix.core.PhoenixException} — {@code INPUT} (bad target options,
 * exit 2), {@code UNAVAILABLE} (the target could not be reached or run, exit 3), {@code
 * CHECK_FAILED} (exit 1). A deployment that ran and failed is a {@link Deployed} with outcome
 * {@link Outcome#FAILED}, not an exception, so the record says what was done before the failure.
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
