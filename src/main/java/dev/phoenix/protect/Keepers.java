package dev.phoenix.protect;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.check.Ref;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One {@link Keeper} per store kind, on the real adapters. Close when done. */
public final class Keepers implements AutoCloseable {
  private final List<Keeper> keepers;
  private final List<AutoCloseable> resources;

  private Keepers(List<Keeper> keepers, List<AutoCloseable> resources) {
    this.keepers = keepers;
    this.resources = resources;
  }

  public static Keepers live(AwsConfig aws, Set<String> insecureRegistries) {
    List<AutoCloseable> resources = new ArrayList<>();
    dev.phoenix.aws.ecr.EcrRegistryCredentials ecr = new dev.phoenix.aws.ecr.EcrRegistryCredentials(aws);
    resources.add(ecr);
    RegistryClient registry = new RegistryClient(
        dev.phoenix.registry.RegistryCredentials.firstOf(List.of(ecr, DockerConfigCredentials.fromEnvironment())),
        RegistrySettings.defaults(),
        insecureRegistries);
    resources.add(registry);
    S3Service s3 = S3Service.connect(aws);
    resources.add(s3);
    SsmService ssm = SsmService.connect(aws);
    resources.add(ssm);
    SecretsService secrets = SecretsService.connect(aws);
    resources.add(secrets);
    Ec2Service ec2 = Ec2Service.connect(aws);
    resources.add(ec2);
    return new Keepers(List.of(new RegistryKeeper(registry), new S3Keeper(s3.protection()),
        new SsmKeeper(ssm.labels()), new SecretKeeper(secrets.stages()), new AmiKeeper(ec2.tags())), resources);
  }

  /** For tests and other wiring: the given keepers, nothing to close. */
  public static Keepers of(List<Keeper> keepers) {
    return new Keepers(List.copyOf(keepers), List.of());
  }

  public Optional<Keeper> forRef(Ref ref) {
    return keepers.stream().filter(k -> k.handles(ref)).findFirst();
  }

  public List<Keeper> all() {
    return keepers;
  }

  @Override
  public void close() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception ignored) {
        // closing a client cannot lose data
      }
    }
  }
}
