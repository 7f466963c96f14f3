package dev.phoenix.mirror;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.ecr.EcrRegistryCredentials;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one place a mirror run obtains its store clients: AWS services per region (each built through
 * {@code aws/AwsClients} with that region, on first use) and one registry client (ECR tokens, then
 * Docker's config.json). When the shared {@code stores/} root keyed by region lands, this class
 * becomes a call to it. Close when done.
 */
public final class RegionStores implements AutoCloseable {
  private final AwsConfig aws;
  private final Map<String, Object> services = new ConcurrentHashMap<>();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final RegistryClient registry;

  public RegionStores(AwsConfig aws, Set<String> insecureRegistries) {
    this.aws = aws;
    EcrRegistryCredentials ecr = new EcrRegistryCredentials(aws);
    open.add(ecr);
    this.registry = new RegistryClient(RegistryCredentials.firstOf(List.of(ecr, DockerConfigCredentials.fromEnvironment())),
        RegistrySettings.defaults(), insecureRegistries);
    open.add(registry);
  }

  public RegistryClient registry() {
    return registry;
  }

  public S3Service s3(String region) {
    return service("s3", region, S3Service::connect);
  }

  public SsmService ssm(String region) {
    return service("ssm", region, SsmService::connect);
  }

  public SecretsService secrets(String region) {
    return service("secrets", region, SecretsService::connect);
  }

  /** EC2 clients are per region inside the service already. */
  public Ec2Service ec2() {
    return service("ec2", null, Ec2Service::connect);
  }

  @SuppressWarnings("unchecked")
  private <T extends AutoCloseable> T service(String kind, String region, Function<AwsConfig, T> connect) {
    return (T) services.computeIfAbsent(kind + "|" + region, k -> {
      T s = connect.apply(region == null ? aws : aws.withRegion(region));
      synchronized (open) {
        open.add(s);
      }
      return s;
    });
  }

  @Override
  public void close() {
    synchronized (open) {
      for (AutoCloseable c : open) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing clients after the run: nothing left to report
        }
      }
      open.clear();
    }
  }
}
