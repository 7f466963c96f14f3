package dev.phoenix.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a synthesis produced.
 *
 * @param outDir the out directory (holds {@code manifest.json} and {@code stacks/})
 * @param stacks configuration name to its {@code cdk.tf.json}: one, {@value
 *     SynthRequest#ROOT_STACK}
 * @param cacheHit true when the out dir already held this exact synthesis and nothing was run
 * @param timings where the time went
 */
public record SynthResult(
    Path outDir, Map<String, Path> stacks, boolean cacheHit, Timings timings) {

  /**
   * @param runtimeStart starting the jsii runtime and loading the CDKTF and AWS provider
   *     assemblies (zero when this JVM had already done it)
   * @param construct building the construct tree
   * @param synth writing the JSON
   * @param total the whole call, cache check included
   */
  public record Timings(Duration runtimeStart, Duration construct, Duration synth, Duration total) {}
}
