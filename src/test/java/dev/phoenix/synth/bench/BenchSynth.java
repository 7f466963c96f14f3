package dev.phoenix.synth.bench;

import dev.phoenix.synth.SampleRequests;
import dev.phoenix.synth.StateBackend;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.SynthResult;
import dev.phoenix.synth.Synthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Measures synthesis in one JVM: the cold first call (jsii runtime start and assembly load), warm
 * calls, a cache hit, and a series of generated requests to separate the fixed cost from the cost
 * per service. Run through {@code scripts/bench-synth}.
 */
public final class BenchSynth {

  private BenchSynth() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("phoenix-bench-synth");
    try {
      if (args.length > 0 && args[0].equals("cold50")) {
        print("50 services, cold (first in JVM)", new Synthesizer()
            .synthesize(SampleRequests.manyServices(50), root.resolve("cold50"), "bench"));
      } else {
        run(root);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static void run(Path root) throws Exception {
    Synthesizer synthesizer = new Synthesizer();
    SynthRequest sample = SampleRequests.twoServices(StateBackend.local());

    SynthResult cold = synthesizer.synthesize(sample, root.resolve("cold"), "bench");
    print("2 services + 1 function, cold (first in JVM)", cold);
    SynthResult warm = synthesizer.synthesize(sample, root.resolve("warm"), "bench");
    print("2 services + 1 function, warm", warm);
    SynthResult hit = synthesizer.synthesize(sample, root.resolve("warm"), "bench");
    print("2 services + 1 function, cache hit", hit);

    int[] sizes = {1, 10, 25, 50};
    double[] millis = new double[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      SynthRequest request = SampleRequests.manyServices(sizes[i]);
      synthesizer.synthesize(request, root.resolve("warmup-" + sizes[i]), "bench");
      SynthResult result = synthesizer.synthesize(request, root.resolve("n" + sizes[i]), "bench");
      millis[i] = ms(result.timings().total());
      print(sizes[i] + " services (network + 1 stack), warm", result);
    }
    double slope = (millis[3] - millis[0]) / (sizes[3] - sizes[0]);
    System.out.printf("%nfixed jsii start (runtime + assemblies): %8.1f ms%n",
        ms(cold.timings().runtimeStart()));
    System.out.printf("per-service cost (warm, 1->50 slope):   %8.2f ms%n", slope);
    System.out.printf("network stack + per-call overhead:      %8.1f ms%n",
        millis[0] - slope * sizes[0]);
    System.out.printf("50-service synthesis, warm:             %8.1f ms%n", millis[3]);
    System.out.printf("50-service estimate, cold JVM:          %8.1f ms%n",
        millis[3] + ms(cold.timings().runtimeStart()));
  }

  private static void print(String label, SynthResult result) {
    SynthResult.Timings t = result.timings();
    System.out.printf("%-46s total %8.1f ms  (jsii start %7.1f, construct %7.1f, synth %6.1f)%s%n",
        label, ms(t.total()), ms(t.runtimeStart()), ms(t.construct()), ms(t.synth()),
        result.cacheHit() ? "  [cache hit]" : "");
  }

  private static double ms(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
