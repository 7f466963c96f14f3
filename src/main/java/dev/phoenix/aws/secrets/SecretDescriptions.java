package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/** DescribeSecret (metadata only: never a value) and, when needed, ListSecretVersionIds. */
final class SecretDescriptions {
  /**
   * A secret's metadata: ARN, scheduled deletion date (null if none), versionId → staging labels,
   * and the KMS key it is encrypted with as DescribeSecret names it (key id, key ARN, alias or
   * alias ARN; null for the AWS-managed {@code aws/secretsmanager} key).
   */
  record Described(String arn, Instant deletedDate, Map<String, List<String>> stages, String kmsKeyId) {
    Described(String arn, Instant deletedDate, Map<String, List<String>> stages) {
      this(arn, deletedDate, stages, null);
    }
  }

  static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException");
  private final SecretsManagerClient sm;

  SecretDescriptions(SecretsManagerClient sm) {
    this.sm = sm;
  }

  Described describe(String secretId) {
    try {
      DescribeSecretResponse r = sm.describeSecret(b -> b.secretId(secretId));
      Map<String, List<String>> stages = new LinkedHashMap<>();
      r.versionIdsToStages().forEach((id, labels) -> stages.put(id, List.copyOf(labels)));
      return new Described(r.arn(), r.deletedDate(), stages, r.kmsKeyId());
    } catch (SdkException e) {
      throw translate("DescribeSecret " + secretId, e, true);
    }
  }

  /**
   * Every version id the secret has, deprecated ones included (ListSecretVersionIds, all pages).
   * DescribeSecret lists versions that have staging labels; a version without one may exist until
   * Secrets Manager deletes it.
   */
  Set<String> versionIds(String secretId) {
    try {
      return listedVersionIds(sm, secretId);
    } catch (SdkException e) {
      throw translate("ListSecretVersionIds " + secretId, e, true);
    }
  }

  /**
   * Every version id {@code client} lists for the secret, deprecated ones included, from every page
   * of ListSecretVersionIds; failures as the SDK throws them (each caller names its own operation).
   */
  static Set<String> listedVersionIds(SecretsManagerClient client, String secretId) {
    Set<String> ids = new HashSet<>();
    for (var page : client.listSecretVersionIdsPaginator(b -> b.secretId(secretId).includeDeprecated(true))) {
      for (SecretVersionsListEntry v : page.versions()) {
        ids.add(v.versionId());
      }
    }
    return ids;
  }

  static AwsException translate(String operation, SdkException e, boolean serviceMessageIsSafe) {
    return new AwsException(operation, AwsFailure.of(e, NOT_FOUND, false, serviceMessageIsSafe), null);
  }
}
