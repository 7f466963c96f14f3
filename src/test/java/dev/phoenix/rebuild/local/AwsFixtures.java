package dev.phoenix.rebuild.local;

import dev.phoenix.testsupport.MotoServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Test data in moto: SSM parameter versions, secret versions, versioned S3 objects. */
final class AwsFixtures implements AutoCloseable {
  private final SsmClient ssm;
  private final SecretsManagerClient secrets;
  private final S3Client s3;

  AwsFixtures(URI endpoint, String region) {
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    ssm = SsmClient.builder().endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    secrets = SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.of(region))
        .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
    s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(creds)
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** Puts (or overwrites) a SecureString; returns its new version. */
  long putParameter(String name, String value) {
    return ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true)).version();
  }

  /** Creates a secret; returns the versionId of its first value. */
  String createSecret(String name, String value) {
    return secrets.createSecret(b -> b.name(name).secretString(value)).versionId();
  }

  String putSecretValue(String name, String value) {
    return secrets.putSecretValue(b -> b.secretId(name).secretString(value)).versionId();
  }

  /** Creates a versioned bucket if needed and puts the object; returns its versionId. */
  String putVersionedObject(String bucket, String key, byte[] content) {
    if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
      s3.createBucket(b -> b.bucket(bucket));
      s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }
    return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content)).versionId();
  }

  @Override
  public void close() {
    ssm.close();
    secrets.close();
    s3.close();
  }
}
