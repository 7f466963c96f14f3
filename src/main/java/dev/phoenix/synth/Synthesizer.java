package dev.phoenix.synth;

import dev.phoenix.core.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link SynthRequest} into Terraform JSON with CDKTF: one configuration, {@code
 * <outDir>/stacks/environment/cdk.tf.json}, holding the network part and every requested stack's
 * members, plus CDKTF's {@code manifest.json}. Files of earlier syntheses that are not rewritten
 * (engine working files, local state under {@code state/}) are left alone.
 *
 * <p>CDKTF runs in Node through jsii: {@code node} (20 or newer) must be on PATH, or named by
 * {@code JSII_NODE}. A JVM cannot set its own environment, so whoever starts it (the launcher
 * script, Surefire/Failsafe) must set {@code JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1} and
 * {@code JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20}, or jsii prints a banner on stderr.
 * jsii unpacks assemblies once into {@code ~/.cache/aws/jsii/package-cache} (about 420 MB; moved
 * by {@code JSII_RUNTIME_PACKAGE_CACHE_ROOT}).
 *
 * <p>CDKTF itself is behind {@link SynthEngine}, in a class loader of its own ({@link
 * EngineLoader}); this class keeps the cache and the checks of what the engine wrote.
 */
public final class Synthesizer {

  /** jsii is not thread-safe: one synthesis at a time in a JVM. */
  private static final Object LOCK = new Object();

  /**
   * Synthesizes, or returns at once when {@code outDir} already holds the synthesis of the same
   * {@code cacheKey} and request.
   *
   * @param cacheKey caller's identity of the inputs (e.g. hash of lockfile revision, blueprints and
   *     phoenix version); combined with the request's canonical form and the out dir
   */
  public SynthResult synthesize(SynthRequest request, Path outDir, String cacheKey)
      throws SynthException {
    long begin = System.nanoTime();
    Path out = outDir.toAbsolutePath().normalize();
    Map<String, Path> stacks = expectedStacks(request, out);
    String key = SynthCache.key(cacheKey, request, out);
    if (SynthCache.hit(out, key, stacks.values())) {
      Duration total = Durations.since(begin);
      return new SynthResult(
          out, stacks, true, new SynthResult.Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO,
              total));
    }
    synchronized (LOCK) {
      try {
        Files.createDirectories(out);
        SynthCache.invalidate(out);
        SynthResult.Timings engine = EngineLoader.engine().synthesize(request, out);
        for (Map.Entry<String, Path> stack : stacks.entrySet()) {
          if (!Files.isRegularFile(stack.getValue())) {
            throw new SynthException("CDKTF wrote no JSON for stack " + stack.getKey());
          }
        }
        SynthCache.record(out, key);
        return new SynthResult(out, stacks, false,
            new SynthResult.Timings(engine.runtimeStart(), engine.construct(), engine.synth(), Durations.since(begin)));
      } catch (IOException e) {
        throw new SynthException("cannot write synthesis to " + out + ": " + e.getMessage(), e);
      }
    }
  }

  private static Map<String, Path> expectedStacks(SynthRequest request, Path out) {
    Map<String, Path> stacks = new LinkedHashMap<>();
    stacks.put(SynthRequest.ROOT_STACK, stackJson(out, SynthRequest.ROOT_STACK));
    return java.util.Collections.unmodifiableMap(stacks);
  }

  private static Path stackJson(Path out, String stack) {
    return out.resolve("stacks").resolve(stack).resolve("cdk.tf.json");
  }
}
