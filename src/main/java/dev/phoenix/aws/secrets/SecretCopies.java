package dev.phoenix.aws.secrets;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/**
 * Copies a pinned secret version into a mirror region: the secret of the same name there gets a
 * version with the <em>same</em> version id (the source's id is the request token, which Secrets
 * Manager makes the version id and treats idempotently). The value is read from the source and
 * written to the mirror only: never returned, logged or put in a message.
 */
public final class SecretCopies {
  private final SecretsManagerClient source;
  private final SecretsManagerClient mirror;

  SecretCopies(SecretsManagerClient source, SecretsManagerClient mirror) {
    this.source = source;
    this.mirror = mirror;
  }

  /** The copy: the mirror secret's ARN and version id, and whether it was already there. */
  public record Copy(String arn, String versionId, boolean alreadyThere) {}

  /** The name a secret id stands for: an ARN's name without Secrets Manager's 6-character suffix. */
  public static String nameOf(String secretId) {
    if (!secretId.startsWith("arn:")) {
      return secretId;
    }
    int at = secretId.indexOf(":secret:");
    String name = at < 0 ? secretId : secretId.substring(at + 8);
    return name.matches(".*-[A-Za-z0-9]{6}") ? name.substring(0, name.length() - 7) : name;
  }

  public Copy copy(String secretId, String versionId) {
    String name = nameOf(secretId);
    String arn = existing(name, versionId);
    if (arn != null) {
      return new Copy(arn, versionId, true);
    }
    GetSecretValueResponse value;
    try {
      value = source.getSecretValue(b -> b.secretId(secretId).versionId(versionId));
    } catch (SdkException e) {
      throw SecretDescriptions.translate("GetSecretValue " + secretId + "@" + versionId, e, false);
    }
    try {
      try {
        arn = mirror.putSecretValue(b -> b.secretId(name).clientRequestToken(versionId)
            .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
      } catch (ResourceNotFoundException e) {
        try {
          arn = mirror.createSecret(b -> b.name(name).clientRequestToken(versionId)
              .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException raced) {
          // another version of the same secret, copied at the same time, created it first
          arn = mirror.putSecretValue(b -> b.secretId(name).clientRequestToken(versionId)
              .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
        }
      }
    } catch (SdkException e) {
      throw SecretDescriptions.translate("PutSecretValue " + name + "@" + versionId + " (mirror)", e, false);
    }
    return new Copy(arn, versionId, false);
  }

  /** The mirror secret's ARN when it has {@code versionId} (deprecated versions included), else null. */
  private String existing(String name, String versionId) {
    try {
      var described = mirror.describeSecret(b -> b.secretId(name)); // absent: not found (moto answers 500 to a list)
      if (described.versionIdsToStages().containsKey(versionId)) {
        return described.arn();
      }
      var r = mirror.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true).maxResults(100));
      for (SecretVersionsListEntry v : r.versions()) {
        if (versionId.equals(v.versionId())) {
          return r.arn();
        }
      }
      return null;
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw SecretDescriptions.translate("DescribeSecret/ListSecretVersionIds " + name + " (mirror)", e, true);
    }
  }
}
