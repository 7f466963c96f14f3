package dev.phoenix.verify;

import dev.phoenix.check.RefChecker;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistryChecker;
import dev.phoenix.registry.RegistrySettings;
import java.util.ArrayList;
import java.util.List;

/** The real store checkers a run uses: registries, S3, EC2, SSM, Secrets Manager, ECR. */
public final class StoreCheckers {
  private StoreCheckers() {}

  /** Registry credentials from Docker's config.json; {@code --concurrency} requests in flight per registry. */
  public static List<RefChecker> standard(VerifyRequest request) {
    List<RefChecker> checkers = new ArrayList<>();
    checkers.add(new RegistryChecker(DockerConfigCredentials.fromEnvironment(),
        RegistrySettings.defaults().withPerHostConcurrency(request.concurrency())));
    return List.copyOf(checkers);
  }
}
