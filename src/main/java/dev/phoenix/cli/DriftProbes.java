package dev.phoenix.cli;

import dev.phoenix.docker.Docker;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.drift.AwsProbe;
import dev.phoenix.drift.LocalProbe;
import dev.phoenix.drift.Probe;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.rebuild.local.LocalTarget;
import dev.phoenix.stores.Stores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place {@code phoenix drift} obtains its clients: the Docker daemon and the config stores
 * (the run's {@code Stores}, with targets.yaml's region and endpoint) for {@code local}; the
 * run's ECS and Lambda services for {@code aws}.
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
        Stores live = Stores.open(StoreOptions.forTarget(settings, Set.of()));
        Docker docker;
        try {
          docker = Docker.connect(LocalTarget.dockerTimeout(settings));
        } catch (RuntimeException e) {
          live.close();
          throw e;
        }
        return new Opened(new LocalProbe(docker, live::configValue), () -> {
          docker.close();
          live.close();
        });
      }
      case "aws" -> {
        Stores live = Stores.open(stores.settings());
        return new Opened(new AwsProbe(live.ecs(), live.lambda(), cluster, functionPrefix), live);
      }
      default -> throw PhoenixException.input("--target '" + target + "' is not local or aws", "write --target local or --target aws");
    }
  }
}
