package dev.phoenix.rebuild;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link Target} is given besides the resolved revision.
 *
 * @param environment the environment being rebuilt
 * @param outDir this target's own directory for generated files, plans and local state
 *     ({@code <--out>/<env>/<target>}); created by the pipeline
 * @param settings target options from flags and {@code environments/<env>/targets.yaml}
 * @param apply false: plan only; true: apply (each apply is confirmed through {@code confirm})
 * @param savedPlans with apply: apply the plans saved by an earlier plan-only run instead of
 *     planning again (refused when they were made from another lockfile commit)
 * @param engine the {@code --engine} choice (tofu, terraform or a path), or null for the default
 * @param engineTimeout limit for each single engine command
 * @param confirm asked before each apply (already answers yes under {@code --yes})
 * @param progress where to report progress lines (stderr on the command line)
 * @param drillId the id of this rebuild's drill record, to label what the target creates
 * @param started told of everything the target starts or creates (a container, a stack's apply),
 *     value-free, as it happens: the record of an interrupted rebuild lists it
 * @param data told of each datastore's data as it is chosen and restored (the record's {@code data}):
 *     told again for the same datastore, the later word stands
 */
public record TargetContext(
    String environment,
    Path outDir,
    TargetSettings settings,
    boolean apply,
    boolean savedPlans,
    String engine,
    Duration engineTimeout,
    Confirm confirm,
    Progress progress,
    String drillId,
    java.util.function.Consumer<String> started,
    java.util.function.Consumer<DrillRecord.DataUsed> data) {

  /** A context whose datastore news goes nowhere (targets without datastores, tests). */
  public TargetContext(String environment, Path outDir, TargetSettings settings, boolean apply, boolean savedPlans,
      String engine, Duration engineTimeout, Confirm confirm, Progress progress, String drillId,
      java.util.function.Consumer<String> started) {
    this(environment, outDir, settings, apply, savedPlans, engine, engineTimeout, confirm, progress, drillId, started,
        d -> { });
  }

  public TargetContext {
    data = data == null ? d -> { } : data;
  }
}
