package dev.phoenix.rebuild;

import dev.phoenix.check.CheckOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One {@code phoenix rebuild} invocation.
 *
 * @param environment the environment to rebuild
 * @param at the moment: ISO date/date-time, commit id or HEAD~n (as {@code show --at})
 * @param now the current time (a moment after it is refused)
 * @param workTree the repository's working tree: {@code environments/<env>/targets.yaml} is read
 *     from here (target options describe where to rebuild today, not the past)
 * @param out the {@code --out} directory (default {@code .phoenix/}); a target works in {@code
 *     <out>/<env>/<target>}, locks live in {@code <out>/locks}
 * @param drills the drill record directory (default {@code <workTree>/drills})
 * @param targetFlags target options given as flags, dotted keys (override targets.yaml)
 * @param apply false for plan only
 * @param savedPlans apply the plans saved by an earlier plan-only run
 * @param allowUnknown go on when preflight could not check some references (UNKNOWN)
 * @param engine the {@code --engine} choice or null
 * @param engineTimeout limit for each engine command
 * @param checkOptions how preflight checks (deep, deadline, …)
 * @param mirrorRegion a mirror region of the environment's regions.yaml: every reference is
 *     resolved to its copy there through the newest ledger, and only that region is preflighted;
 *     null: the references as pinned
 */
public record RebuildRequest(
    String environment,
    String at,
    Instant now,
    Path workTree,
    Path out,
    Path drills,
    Map<String, String> targetFlags,
    boolean apply,
    boolean savedPlans,
    boolean allowUnknown,
    String engine,
    Duration engineTimeout,
    CheckOptions checkOptions,
    String mirrorRegion) {

  /** The references as pinned (no mirror region). */
  public RebuildRequest(String environment, String at, Instant now, Path workTree, Path out, Path drills,
      Map<String, String> targetFlags, boolean apply, boolean savedPlans, boolean allowUnknown, String engine,
      Duration engineTimeout, CheckOptions checkOptions) {
    this(environment, at, now, workTree, out, drills, targetFlags, apply, savedPlans, allowUnknown, engine,
        engineTimeout, checkOptions, null);
  }

  public RebuildRequest {
    targetFlags = targetFlags == null ? Map.of() : Map.copyOf(targetFlags);
    engineTimeout = engineTimeout == null ? Duration.ofMinutes(60) : engineTimeout;
    checkOptions = checkOptions == null ? CheckOptions.defaults() : checkOptions;
  }
}
