package dev.phoenix.stores;

import dev.phoenix.aws.s3.S3Pin;
import dev.phoenix.check.Pinning;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import java.util.Optional;

/** {@link Pinning} on the run's clients: the OCI registry client and the AWS service packages. */
final class LivePins implements Pinning {
  private final Clients clients;
  private final String region;

  LivePins(Clients clients, String region) {
    this.clients = clients;
    this.region = region;
  }

  @Override
  public Optional<Digest> resolveTag(ImageReference ref) {
    if (ref.tag() == null) {
      // by digest: ask for the manifest under its digest, which also proves it exists
      return clients.registry().resolveTag(
          new ImageReference(ref.registry(), ref.repository(), ref.digest().toString(), null));
    }
    return clients.registry().resolveTag(ref);
  }

  @Override
  public S3ObjectVersion currentObject(String bucket, String key) {
    S3Pin pin = clients.s3(region).pins().current(bucket, key);
    return new S3ObjectVersion(pin.bucket(), pin.key(), pin.versionId(), pin.sha256());
  }

  @Override
  public long currentParameterVersion(String name) {
    return clients.ssm(region).pins().currentVersion(name);
  }

  @Override
  public String currentSecretVersion(String secretId) {
    return clients.secrets(region).pins().currentVersionId(secretId);
  }

  /** True, or an INPUT error naming the AMI and region when EC2 has no such image. */
  @Override
  public boolean amiExists(String amiId, String region) {
    clients.ec2().pins().describe(amiId, region);
    return true;
  }
}
