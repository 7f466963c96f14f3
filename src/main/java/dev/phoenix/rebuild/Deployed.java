package dev.phoenix.rebuild;

import java.util.List;

/**
 * Phase {@code engine}'s result.
 *
 * @param outcome SUCCEEDED, PLANNED, FAILED or STOPPED_AFTER_SYNTH
 * @param stacks what happened to each stack, in order, up to where it stopped
 * @param failureReason why it failed or stopped (value-free), or null
 */
public record Deployed(RebuildOutcome outcome, List<StackRun> stacks, String failureReason) {

  public Deployed {
    stacks = List.copyOf(stacks);
  }

  /**
   * @param name the stack
   * @param planned changes of its saved plan, e.g. "3 to add, 0 to change, 0 to destroy", or null
   * @param applied what the apply did, or null when not applied
   * @param planFile the saved plan file (absolute path), or null
   */
  public record StackRun(String name, String planned, String applied, String planFile) {}
}
