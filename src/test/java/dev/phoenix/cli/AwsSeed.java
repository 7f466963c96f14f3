package dev.phoenix.cli;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.testsupport.MotoServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Puts things into moto through the SDK, as a build pipeline would. Test data only. */
final class AwsSeed implements AutoCloseable {
  final AwsConfig config;
  final S3Client s3;
  final SsmClient ssm;
  final SecretsManagerClient secrets;
  final software.amazon.awssdk.services.ec2.Ec2Client ec2;

  AwsSeed(MotoServer moto) {
    config = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    s3 = AwsClients.build(S3Client.builder().forcePathStyle(true), config);
    ssm = AwsClients.build(SsmClient.builder(), config);
    secrets = AwsClients.build(SecretsManagerClient.builder(), config);
    ec2 = AwsClients.build(software.amazon.awssdk.services.ec2.Ec2Client.builder(), config, AMI_REGION);
  }

  static final String AMI_REGION = "eu-west-2";

  /** Registers a machine image in {@link #AMI_REGION}; returns its id. */
  String ami(String name) {
    return ec2.registerImage(b -> b.name(name).rootDeviceName("/dev/sda1")
        .blockDeviceMappings(m -> m.deviceName("/dev/sda1").ebs(e -> e.volumeSize(8)))).imageId();
  }

  /** The image's tag keys. */
  java.util.List<String> amiTags(String imageId) {
    return ec2.describeImages(b -> b.imageIds(imageId)).images().get(0).tags().stream()
        .map(software.amazon.awssdk.services.ec2.model.Tag::key).toList();
  }

  /** A bucket, versioned or not (object lock optional), created once. */
  void bucket(String name, boolean versioned, boolean objectLock) {
    s3.createBucket(b -> b.bucket(name).objectLockEnabledForBucket(objectLock));
    if (versioned && !objectLock) {
      s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }
  }

  /** Uploads bytes; returns the versionId. */
  String put(String bucket, String key, String content) {
    return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content)).versionId();
  }

  long parameter(String name, String value) {
    return ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true)).version();
  }

  String secret(String id, String value) {
    try {
      return secrets.createSecret(b -> b.name(id).secretString(value)).versionId();
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException e) {
      return secrets.putSecretValue(b -> b.secretId(id).secretString(value)).versionId();
    }
  }

  /** Makes the Phoenix CLI's default credential chain and region find moto. */
  static void credentialsForCli() {
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
  }

  @Override
  public void close() {
    ec2.close();
    s3.close();
    ssm.close();
    secrets.close();
  }
}
