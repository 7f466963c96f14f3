package dev.phoenix.locking;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3Pin;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.core.PhoenixException;
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
  private S3Service s3;

  public LiveStores(AwsConfig aws, Set<String> insecureRegistries) {
    this.aws = aws;
    this.insecureRegistries = insecureRegistries;
  }

  private RegistryClient registry() {
    if (registry == null) {
      RegistryCredentials credentials = DockerConfigCredentials.fromEnvironment();
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
    throw notYet("SSM");
  }

  @Override
  public String currentSecretVersion(String secretId) {
    throw notYet("Secrets Manager");
  }

  @Override
  public boolean amiExists(String amiId, String region) {
    throw notYet("EC2");
  }

  private static PhoenixException notYet(String store) {
    return new PhoenixException(PhoenixException.Kind.UNAVAILABLE, store + " pinning is not available in this build", null);
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }
}
