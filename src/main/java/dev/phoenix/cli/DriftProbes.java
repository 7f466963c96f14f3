package dev.phoenix.cli;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.ecs.EcsService;
import dev.phoenix.aws.lambda.LambdaService;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.drift.AwsProbe;
import dev.phoenix.drift.LocalProbe;
import dev.phoenix.drift.Probe;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.rebuild.local.LocalConnections;
import dev.phoenix.rebuild.local.LocalServices;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place {@code phoenix drift} obtains its clients: the Docker daemon and the config stores
 * (through the local drill's own connections and targets.yaml settings) for {@code local}, ECS and
 * Lambda for {@code aws}.
 */
final class DriftProbes {
  private DriftProbes() {}

  /** A probe and what to close after it. */
  record Opened(Probe probe, AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() {
      try {
        resources.close();
      } catch (Exception e) {
        // closing clients after the run: nothing left to report
      }
    }
  }

  static Opened open(String target, Path root, String env, StoreOptions stores, String cluster, String functionPrefix) {
    switch (target) {
      case "local" -> {
        Map<String, String> flags = new LinkedHashMap<>();
        if (stores.region != null) {
          flags.put("configRegion", stores.region);
        }
        if (stores.endpoint != null) {
          flags.put("endpoint", stores.endpoint.toString());
        }
        TargetSettings settings = TargetsFile.read(root, env, "local").withFlags(flags);
        LocalServices services = LocalConnections.open(settings);
        return new Opened(new LocalProbe(services.docker(), services.config()), services);
      }
      case "aws" -> {
        AwsConfig aws = stores.aws();
        EcsService ecs = EcsService.connect(aws);
        LambdaService lambda;
        try {
          lambda = LambdaService.connect(aws);
        } catch (RuntimeException e) {
          ecs.close();
          throw e;
        }
        return new Opened(new AwsProbe(ecs, lambda, cluster, functionPrefix), () -> {
          ecs.close();
          lambda.close();
        });
      }
      default -> throw PhoenixException.input("--target '" + target + "' is not local or aws", "write --target local or --target aws");
    }
  }
}
