package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.KeepLabels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * For {@code protect}: a custom staging label on a version keeps Secrets Manager from deleting it.
 * A staging label sits on one version at a time, so Phoenix's label names the version:
 * {@code phoenix-keep-<env>-<versionId>}. AWSCURRENT/AWSPREVIOUS/AWSPENDING are never touched.
 */
public final class SecretStages {
  static final int MAX_LABEL_LENGTH = 256;
  private final SecretsManagerClient sm;
  private final SecretDescriptions descriptions;

  SecretStages(SecretsManagerClient sm, SecretDescriptions descriptions) {
    this.sm = sm;
    this.descriptions = descriptions;
  }

  public static String keepLabel(String env, String versionId) {
    return KeepLabels.forEnv(env) + "-" + versionId;
  }

  /** UpdateSecretVersionStage MoveToVersionId (no-op when the version already has it). */
  public void addStage(String secretId, String versionId, String label) {
    validate(label);
    List<String> current = descriptions.describe(secretId).stages().get(versionId);
    if (current != null && current.contains(label)) {
      return;
    }
    try {
      sm.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(label).moveToVersionId(versionId));
    } catch (SdkException e) {
      throw SecretDescriptions.translate("UpdateSecretVersionStage " + secretId + "@" + versionId, e, true);
    }
  }

  /** UpdateSecretVersionStage RemoveFromVersionId. */
  public void removeStage(String secretId, String versionId, String label) {
    validate(label);
    try {
      sm.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(label).removeFromVersionId(versionId));
    } catch (SdkException e) {
      throw SecretDescriptions.translate("UpdateSecretVersionStage " + secretId + "@" + versionId, e, true);
    }
  }

  /** Versions of the given secrets with a phoenix-keep- staging label; absent secrets are skipped. */
  public List<SecretKeptVersion> keptVersions(Collection<String> secretIds) {
    List<SecretKeptVersion> out = new ArrayList<>();
    for (String id : secretIds) {
      SecretDescriptions.Described d;
      try {
        d = descriptions.describe(id);
      } catch (AwsException e) {
        if (e.notFound()) {
          continue;
        }
        throw e;
      }
      d.stages().forEach((version, labels) -> {
        List<String> keep = labels.stream().filter(KeepLabels::isPhoenix).toList();
        if (!keep.isEmpty()) {
          out.add(new SecretKeptVersion(id, version, keep));
        }
      });
    }
    return out;
  }

  static void validate(String label) {
    if (label == null || label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
      throw AwsException.input("staging label must be 1-" + MAX_LABEL_LENGTH + " characters", null);
    }
    if (label.startsWith("AWS")) {
      throw AwsException.input("Phoenix never moves the " + label + " staging label", "use a phoenix-keep- label");
    }
  }
}
