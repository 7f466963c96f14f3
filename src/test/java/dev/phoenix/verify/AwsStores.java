package dev.phoenix.verify;

import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Test fixtures in moto, made with the SDK directly (test code only; the product goes through dev.phoenix.aws.*). */
final class AwsStores implements AutoCloseable {
  final S3Client s3;
  final SsmClient ssm;
  final SecretsManagerClient secrets;
  final Ec2Client ec2;
  final EcrClient ecr;

  AwsStores(MotoServer moto) {
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    Region region = Region.of(MotoServer.REGION);
    s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(creds)
        .forcePathStyle(true).build();
    ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(creds).build();
    secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(creds)
        .build();
    ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(creds).build();
    ecr = EcrClient.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(creds).build();
  }

  void versionedBucket(String bucket) {
    s3.createBucket(b -> b.bucket(bucket));
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
  }

  /** Puts an object; returns "versionId sha256hex". */
  String[] putObject(String bucket, String key, String body) {
    String version = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    return new String[] {version, sha256(body)};
  }

  long putParameter(String name, String value) {
    return ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.STRING).overwrite(true)).version();
  }

  String createSecret(String name, String value) {
    return secrets.createSecret(b -> b.name(name).secretString(value)).versionId();
  }

  String someAmi() {
    return ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
  }

  /** Pushes a manifest to ECR; returns its digest. */
  String ecrImage(String repo, String manifest) {
    ecr.createRepository(b -> b.repositoryName(repo));
    return ecr.putImage(b -> b.repositoryName(repo).imageManifest(manifest).imageTag("v1")).image().imageId()
        .imageDigest();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    s3.close();
    ssm.close();
    secrets.close();
    ec2.close();
    ecr.close();
  }
}
