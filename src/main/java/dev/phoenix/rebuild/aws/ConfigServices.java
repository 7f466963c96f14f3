package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import java.util.function.Function;

/**
 * Where the aws target looks up and materializes pinned config: the run's SSM and Secrets Manager
 * services in a region (null: the run's region), built once per run and closed by their owner (the
 * command's store clients), at the endpoint the target's settings name.
 */
public interface ConfigServices {
  SsmService ssm(String region);

  SecretsService secrets(String region);

  static ConfigServices of(Function<String, SsmService> ssm, Function<String, SecretsService> secrets) {
    return new ConfigServices() {
      @Override
      public SsmService ssm(String region) {
        return ssm.apply(region);
      }

      @Override
      public SecretsService secrets(String region) {
        return secrets.apply(region);
      }
    };
  }
}
