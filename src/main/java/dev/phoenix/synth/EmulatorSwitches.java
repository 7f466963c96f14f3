package dev.phoenix.synth;

/**
 * What an AWS emulator (moto) cannot do, switched off for tests and the demo only; real AWS gets
 * {@link #REAL_AWS}. Applied after the constructs are built, so no construct knows about them.
 *
 * @param waitForSteadyState false: the engine does not wait for ECS services to reach a steady
 *     state (moto never runs tasks, so the wait would never end)
 * @param ignoreUnstoredServiceFields true: ECS services ignore changes of the fields moto 5.2.1 does
 *     not store, {@code availability_zone_rebalancing} (moto returns none, the provider expects
 *     its default {@code DISABLED}) and {@code health_check_grace_period_seconds} (moto returns 0
 *     whatever was set), so that a later plan does not show the services changed
 */
public record EmulatorSwitches(boolean waitForSteadyState, boolean ignoreUnstoredServiceFields) {

  /** Everything as AWS does it: what a rebuild into a real account always uses. */
  public static final EmulatorSwitches REAL_AWS = new EmulatorSwitches(true, false);

  /** True when every switch is as for real AWS. */
  public boolean realAws() {
    return equals(REAL_AWS);
  }
}
