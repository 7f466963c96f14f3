package dev.phoenix.pin;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3Pin;
import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.DockerConfigCredentials;
import dev.phoenix.registry.RegistrySettings;
import java.util.Optional;
import java.util.Set;

/** {@link Stores} on the real adapters: the OCI registry client and the AWS service packages. */
public final class LiveStores implements Stores, AutoCloseable {
  private final AwsConfig aws;
  private final Set<String> insecureRegistries;
  private RegistryClient registry;
  private dev.phoenix.aws.ecr.EcrRegistryCredentials ecrCredentials;
  private S3Service s3;
  private SsmService ssm;
  private SecretsService secrets;
  private Ec2Service ec2;

  public LiveStores(AwsConfig aws, Set<String> insecureRegistries) {
    this.aws = aws;
    this.insecureRegistries = insecureRegistries;
  }

  private RegistryClient registry() {
    if (registry == null) {
      ecrCredentials = new dev.phoenix.aws.ecr.EcrRegistryCredentials(aws);
      RegistryCredentials credentials = RegistryCredentials.firstOf(
          java.util.List.of(ecrCredentials, DockerConfigCredentials.fromEnvironment()));
      registry = new RegistryClient(credentials, RegistrySettings.defaults(), insecureRegistries);
    }
    return registry;
  }

  private S3Service s3() {
    if (s3 == null) {
      s3 = S3Service.connect(aws);
    }
    return s3;
  }

  @Override
  public Optional<Digest> resolveTag(ImageReference ref) {
    if (ref.tag() == null) {
      // by digest: ask for the manifest under its digest, which also proves it exists
      return registry().resolveTag(new ImageReference(ref.registry(), ref.repository(), ref.digest().toString(), null));
    }
    return registry().resolveTag(ref);
  }

  @Override
  public S3ObjectVersion currentObject(String bucket, String key) {
    S3Pin pin = s3().pins().current(bucket, key);
    return new S3ObjectVersion(pin.bucket(), pin.key(), pin.versionId(), pin.sha256());
  }

  @Override
  public long currentParameterVersion(String name) {
    if (ssm == null) {
      ssm = SsmService.connect(aws);
    }
    return ssm.pins().currentVersion(name);
  }

  @Override
  public String currentSecretVersion(String secretId) {
    if (secrets == null) {
      secrets = SecretsService.connect(aws);
    }
    return secrets.pins().currentVersionId(secretId);
  }

  /** True, or an INPUT error naming the AMI and region when EC2 has no such image. */
  @Override
  public boolean amiExists(String amiId, String region) {
    if (ec2 == null) {
      ec2 = Ec2Service.connect(aws);
    }
    ec2.pins().describe(amiId, region);
    return true;
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {s3, ssm, secrets, ec2, ecrCredentials}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing a client cannot lose data
        }
      }
    }
  }
}
