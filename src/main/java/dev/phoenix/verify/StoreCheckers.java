package dev.phoenix.verify;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.ecr.EcrRegistryCredentials;
import dev.phoenix.aws.ecr.EcrService;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.check.RefChecker;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistryChecker;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The real store checkers of a run, in the order they are asked whether they handle a reference:
 * ECR (images in *.dkr.ecr.*.amazonaws.com; under --deep through the registry API with an ECR
 * token), any other OCI registry, S3, EC2, SSM, Secrets Manager. AWS clients are built only when a run has references for that service. Close when done.
 */
public final class StoreCheckers implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<RefChecker> checkers = new ArrayList<>();

  /** Registry credentials from Docker's config.json; {@code --concurrency} requests in flight per store. */
  public StoreCheckers(VerifyRequest request, AwsConfig aws) {
    EcrService ecr = EcrService.connect(aws); // builds clients per region on first use
    open.add(ecr);
    EcrRegistryCredentials ecrTokens = new EcrRegistryCredentials(aws); // ECR hosts: an authorization token
    open.add(ecrTokens);
    RegistryChecker registry = new RegistryChecker(
        RegistryCredentials.firstOf(List.of(ecrTokens, DockerConfigCredentials.fromEnvironment())),
        RegistrySettings.defaults().withPerHostConcurrency(request.concurrency()));
    checkers.add(ecr.checker(registry)); // --deep on ECR: manifest and blobs through the registry API, hashed
    checkers.add(registry);
    checkers.add(new LazyChecker<>(dev.phoenix.check.Ref.S3Object.class, () -> S3Service.connect(aws),
        S3Service::checker, open));
    Ec2Service ec2 = Ec2Service.connect(aws); // builds clients per region on first use
    open.add(ec2);
    checkers.add(ec2.checker());
    checkers.add(new LazyChecker<>(dev.phoenix.check.Ref.Ssm.class, () -> SsmService.connect(aws),
        SsmService::checker, open));
    checkers.add(new LazyChecker<>(dev.phoenix.check.Ref.Secret.class, () -> SecretsService.connect(aws),
        SecretsService::checker, open));
  }

  /** The AWS SDK's own configuration chain (AWS_REGION, AWS_ENDPOINT_URL, profiles, instance roles). */
  public static StoreCheckers standard(VerifyRequest request) {
    return new StoreCheckers(request, AwsConfig.defaults());
  }

  public List<RefChecker> checkers() {
    return List.copyOf(checkers);
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
