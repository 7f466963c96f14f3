package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Phoenix's ECR connections, one client per region (from the registry host) on demand. */
public final class EcrService implements AutoCloseable {
  private final AwsConfig config;
  private final Map<String, EcrClient> clients = new ConcurrentHashMap<>();

  private EcrService(AwsConfig config) {
    this.config = config;
  }

  public static EcrService connect(AwsConfig config) {
    return new EcrService(config);
  }

  /**
   * {@code deep}: what checks ECR images under {@code --deep} (fetch and hash manifest and blobs);
   * it must handle ECR hosts with {@link EcrRegistryCredentials}.
   */
  public EcrChecker checker(dev.phoenix.check.RefChecker deep) {
    return new EcrChecker(this, deep);
  }

  public EcrAuth auth() {
    return new EcrAuth(this);
  }

  /** Repositories of ECR registries: existence, settings, creation (a mirror's repositories). */
  public EcrRepositories repositories() {
    return new EcrRepositories(this);
  }

  EcrImages images(String region) {
    return new EcrImages(client(region));
  }

  EcrClient client(String region) {
    return clients.computeIfAbsent(region, r -> AwsClients.build(EcrClient.builder(), config, r));
  }

  @Override
  public void close() {
    clients.values().forEach(EcrClient::close);
    clients.clear();
  }
}
