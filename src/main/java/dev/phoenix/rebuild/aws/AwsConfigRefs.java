package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmParameters;
import dev.phoenix.aws.ssm.SsmService;
import java.net.URI;
import java.util.Optional;

/**
 * {@link ConfigRefs} through the AWS SDK (SSM Parameter Store and Secrets Manager), with Phoenix's
 * shared client settings (timeouts, bounded retries). Whether a pinned secret version still exists
 * is preflight's question; here only its secret's full ARN is looked up. On the run's services
 * ({@link ConfigServices}: nothing to close here), or on clients of its own for one synthesis.
 */
final class AwsConfigRefs implements ConfigRefs {
  private final SsmService ssm;
  private final SecretsService secrets;
  private final boolean owned;

  AwsConfigRefs(ConfigServices run, String region) {
    this(run.ssm(region), run.secrets(region), false);
  }

  /** Clients of its own, closed with this (a target built without the run's services: tests, libraries). */
  AwsConfigRefs(Optional<URI> endpoint, String region) {
    this(connect(endpoint, region), true);
  }

  private AwsConfigRefs(AwsConfig config, boolean owned) {
    this(SsmService.connect(config), SecretsService.connect(config), owned);
  }

  private AwsConfigRefs(SsmService ssm, SecretsService secrets, boolean owned) {
    this.ssm = ssm;
    this.secrets = secrets;
    this.owned = owned;
  }

  private static AwsConfig connect(Optional<URI> endpoint, String region) {
    AwsConfig config = AwsConfig.defaults().withRegion(region);
    return endpoint.map(config::withEndpoint).orElse(config);
  }

  @Override
  public Param parameter(String name) {
    SsmParameters.Info info = ssm.parameters().describe(name);
    String key = "SecureString".equals(info.type()) ? ssm.parameters().keyId(name).orElse(null) : null;
    return new Param(info.arn(), info.version(), key);
  }

  @Override
  public String materialize(String name, long version, String target, String description) {
    return ssm.parameters().copyVersion(name, version, target, description).arn();
  }

  @Override
  public Secret secret(String secretId) {
    var located = secrets.pins().locate(secretId);
    return new Secret(located.arn(), located.kmsKeyId());
  }

  @Override
  public void close() {
    if (!owned) {
      return;
    }
    ssm.close();
    secrets.close();
  }
}
