package dev.phoenix.stores;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.dynamodb.DynamoService;
import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.ecr.EcrRegistryCredentials;
import dev.phoenix.aws.ecr.EcrService;
import dev.phoenix.aws.ecs.EcsService;
import dev.phoenix.aws.lambda.LambdaService;
import dev.phoenix.aws.rds.RdsService;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistryCredentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The clients of one run, each built once on first use and closed once: S3, SSM and Secrets
 * Manager per region; ECR and EC2 as one service each (they keep one SDK client per region
 * themselves); one ECR token source and one registry client. Thread-safe.
 */
final class Clients implements AutoCloseable {
  private final StoreSettings settings;
  private final Consumer<String> events;
  private final Map<String, Object> built = new HashMap<>();
  private final List<Map.Entry<String, AutoCloseable>> open = new ArrayList<>();
  private boolean closed;
  private String defaultRegion;

  /** {@code events}: "built NAME" and "closed NAME" for each client (a test's view; else ignored). */
  Clients(StoreSettings settings, Consumer<String> events) {
    this.settings = settings;
    this.events = events;
  }

  StoreSettings settings() {
    return settings;
  }

  /**
   * {@code region}, else the configured region, else the SDK's region chain, else us-east-1. The
   * chain is asked once per run and only when a client needs it: off EC2 its instance-metadata
   * step waits for a connection timeout (about 0.8 s), which a run that asks no AWS store in its
   * default region must not pay.
   */
  String region(String region) {
    if (region != null && !region.isBlank()) {
      return region;
    }
    synchronized (this) {
      if (defaultRegion == null) {
        String configured = settings.aws().region();
        if (configured == null || configured.isBlank()) {
          events.accept("resolved default region"); // the SDK's chain is asked
        }
        defaultRegion = AwsClients.region(settings.aws());
      }
      return defaultRegion;
    }
  }

  S3Service s3(String region) {
    String r = region(region);
    return once("s3 " + r, () -> S3Service.connect(settings.aws().withRegion(r)));
  }

  SsmService ssm(String region) {
    String r = region(region);
    return once("ssm " + r, () -> SsmService.connect(settings.aws().withRegion(r)));
  }

  SecretsService secrets(String region) {
    String r = region(region);
    return once("secrets " + r, () -> SecretsService.connect(settings.aws().withRegion(r)));
  }

  EcsService ecs(String region) {
    String r = region(region);
    return once("ecs " + r, () -> EcsService.connect(settings.aws().withRegion(r)));
  }

  LambdaService lambda(String region) {
    String r = region(region);
    return once("lambda " + r, () -> LambdaService.connect(settings.aws().withRegion(r)));
  }

  RdsService rds(String region) {
    String r = region(region);
    return once("rds " + r, () -> RdsService.connect(settings.aws().withRegion(r)));
  }

  DynamoService dynamodb(String region) {
    String r = region(region);
    return once("dynamodb " + r, () -> DynamoService.connect(settings.aws().withRegion(r)));
  }

  /** Clients per region from the registry host or the AMI's region; the default region otherwise. */
  Ec2Service ec2() {
    return once("ec2", () -> Ec2Service.connect(settings.aws()));
  }

  /** One per run: the ECR checker and the ECR tokens the registry client uses share it. */
  EcrService ecr() {
    return once("ecr", () -> EcrService.connect(settings.aws()));
  }

  /** ECR tokens for ECR hosts (through {@link #ecr()}), then the configured source. */
  RegistryCredentials registryCredentials() {
    return once("registry credentials", () -> RegistryCredentials.firstOf(
        List.of(new EcrRegistryCredentials(ecr()), settings.credentials())));
  }

  RegistryClient registry() {
    return once("registry", () -> new RegistryClient(registryCredentials(), settings.registry(),
        settings.insecureRegistries()));
  }

  @SuppressWarnings("unchecked")
  private <T> T once(String name, Supplier<T> make) {
    synchronized (built) {
      if (closed) {
        throw new IllegalStateException("the run's store clients are closed (asked for " + name + ")");
      }
      Object have = built.get(name);
      if (have == null) {
        have = make.get();
        built.put(name, have);
        if (have instanceof AutoCloseable c) {
          open.add(Map.entry(name, c));
        }
        events.accept("built " + name);
      }
      return (T) have;
    }
  }

  /** Closes every client built, last built first, once; later calls do nothing. */
  @Override
  public void close() {
    synchronized (built) {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          open.get(i).getValue().close();
        } catch (Exception ignored) {
          // closing clients after the run: nothing left to report
        }
        events.accept("closed " + open.get(i).getKey());
      }
      open.clear();
      built.clear();
    }
  }
}
