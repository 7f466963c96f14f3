package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AwsException;
import dev.phoenix.core.Sensitive;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Reads a pinned secret version's value for local drills only; never stored. */
public final class SecretValues {
  private final SecretsManagerClient sm;

  SecretValues(SecretsManagerClient sm) {
    this.sm = sm;
  }

  /** GetSecretValue with VersionId. Binary secrets are refused (Phoenix passes text config). */
  public Sensitive read(String secretId, String versionId) {
    GetSecretValueResponse r;
    try {
      r = sm.getSecretValue(b -> b.secretId(secretId).versionId(versionId));
    } catch (SdkException e) {
      throw SecretDescriptions.translate("GetSecretValue " + secretId + "@" + versionId, e, false);
    }
    if (r.secretString() == null) {
      throw AwsException.input("secret " + secretId + "@" + versionId + " is binary",
          "Phoenix passes text configuration; store the value as a SecretString");
    }
    return Sensitive.of(r.secretString());
  }
}
