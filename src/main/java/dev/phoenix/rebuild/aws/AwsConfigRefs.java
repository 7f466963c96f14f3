package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.secrets.SecretArns;
import dev.phoenix.aws.ssm.SsmParameters;
import java.net.URI;
import java.util.Optional;

/** {@link ConfigRefs} through the AWS SDK (SSM Parameter Store and Secrets Manager). */
final class AwsConfigRefs implements ConfigRefs {
  private final SsmParameters ssm;
  private final SecretArns secrets;

  AwsConfigRefs(Optional<URI> endpoint, String region) {
    this.ssm = SsmParameters.connect(endpoint, region);
    this.secrets = SecretArns.connect(endpoint, region);
  }

  @Override
  public Param parameter(String name) {
    SsmParameters.Info info = ssm.describe(name);
    return new Param(info.arn(), info.version());
  }

  @Override
  public String materialize(String name, long version, String target, String description) {
    return ssm.copyVersion(name, version, target, description).arn();
  }

  @Override
  public String secretArn(String secretId, String versionId) {
    return secrets.arnOf(secretId, versionId);
  }

  @Override
  public void close() {
    ssm.close();
    secrets.close();
  }
}
