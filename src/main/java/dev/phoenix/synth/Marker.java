package dev.phoenix.synth;

/**
 * The output that says "Phoenix wrote this state": {@value #OUTPUT} = {@code {managed_by =
 * "phoenix", environment = E, name_prefix = P}}. A teardown destroys a state only when it carries
 * this output for its environment.
 */
public final class Marker {

  /** Name of the marker output. */
  public static final String OUTPUT = "phoenix_rebuild";

  /** Its {@code managed_by} value. */
  public static final String MANAGED_BY = "phoenix";

  private Marker() {}
}
