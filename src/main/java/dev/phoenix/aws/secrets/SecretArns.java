package dev.phoenix.aws.secrets;

import dev.phoenix.core.PhoenixException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets Manager for rebuilds: the full ARN of a secret (with its random suffix) and whether a
 * version id exists. Uses DescribeSecret only: never reads a secret value.
 */
public final class SecretArns implements AutoCloseable {
  private final SecretsManagerClient client;

  private SecretArns(SecretsManagerClient client) {
    this.client = client;
  }

  public static SecretArns connect(Optional<URI> endpoint, String region) {
    SecretsManagerClientBuilder builder = SecretsManagerClient.builder().region(Region.of(region))
        .httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    return new SecretArns(builder.build());
  }

  /** The secret's full ARN; CHECK_FAILED when the secret or the pinned version does not exist. */
  public String arnOf(String secretId, String versionId) {
    DescribeSecretResponse r;
    try {
      r = client.describeSecret(b -> b.secretId(secretId));
    } catch (ResourceNotFoundException e) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "secret " + secretId + " does not exist",
          "run phoenix verify");
    } catch (SdkException e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "cannot describe secret " + secretId + ": "
          + e.getClass().getSimpleName(), "check AWS credentials, region and network", e);
    }
    if (versionId != null && r.hasVersionIdsToStages() && !r.versionIdsToStages().containsKey(versionId)) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
          "secret " + secretId + " has no version " + versionId, "run phoenix verify");
    }
    return r.arn();
  }

  @Override
  public void close() {
    client.close();
  }
}
