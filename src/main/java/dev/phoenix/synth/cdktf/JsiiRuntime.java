package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import dev.phoenix.core.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The jsii runtime is one Node child process per JVM, started on first use; loading the AWS
 * provider assembly (about 30 MB packed) is most of a cold synthesis. {@link #start} pays that
 * once, separately measured, by building a throwaway construct tree that is never synthesized.
 * jsii is not thread-safe: {@code Synthesizer} calls in under one lock.
 */
final class JsiiRuntime {

  private static boolean started;

  private JsiiRuntime() {}

  /** Starts the runtime if needed; returns how long that took (zero when already running). */
  static Duration start() throws java.io.IOException {
    if (started) {
      return Duration.ZERO;
    }
    long begin = System.nanoTime();
    Path scratch = Files.createTempDirectory("phoenix-jsii-warmup");
    try {
      App app = new App(com.hashicorp.cdktf.AppConfig.builder().outdir(scratch.toString()).build());
      AwsProvider.Builder.create(new TerraformStack(app, "warmup"), "aws")
          .region("us-east-1")
          .build();
    } finally {
      try (java.util.stream.Stream<Path> walk = Files.walk(scratch)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
    started = true;
    return Durations.since(begin);
  }
}
