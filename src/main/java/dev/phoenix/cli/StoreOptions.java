package dev.phoenix.cli;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.verify.VerifyRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where the stores are: AWS endpoint/region overrides and registries spoken to over plain HTTP. */
final class StoreOptions {
  @Option(names = "--aws-region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain).")
  String region;

  @Option(names = "--aws-endpoint", paramLabel = "URL", hidden = true,
      description = "Send every AWS call to this endpoint (emulators, VPC endpoints).")
  URI endpoint;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Speak plain HTTP to this registry (loopback registries always are). Repeatable.")
  List<String> insecure = List.of();

  AwsConfig aws() {
    AwsConfig c = AwsConfig.defaults().withRegion(region);
    return endpoint == null ? c
        : new AwsConfig(region, endpoint, null, null, c.attemptTimeout(), c.callTimeout(), c.maxAttempts());
  }

  Set<String> insecureRegistries() {
    return new HashSet<>(insecure);
  }

  /**
   * The stores a rebuild target's settings name: its {@code configRegion} (else {@code region},
   * else the SDK's chain), its {@code endpoint} (--aws-endpoint or targets.yaml), the client limits
   * verify uses.
   */
  static StoreSettings forTarget(TargetSettings settings, Set<String> insecureRegistries) {
    AwsConfig aws = AwsConfig.defaults().withRegion(
        settings.get("configRegion").or(() -> settings.get("region")).orElse(null));
    aws = settings.get("endpoint").map(URI::create).map(aws::withEndpoint).orElse(aws);
    return StoreSettings.of(aws, VerifyRequest.DEFAULT_CONCURRENCY, insecureRegistries);
  }

  /** The run's store settings: these AWS overrides and plain-HTTP registries, default client limits. */
  StoreSettings settings() {
    return StoreSettings.of(aws(), insecureRegistries());
  }
}
