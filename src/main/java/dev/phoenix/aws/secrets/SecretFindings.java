package dev.phoenix.aws.secrets;

import dev.phoenix.check.Finding;
import java.util.List;

/** What a secret's metadata says about one pinned versionId. */
final class SecretFindings {
  static final String NO_STAGE = "no staging label: Secrets Manager may delete it";

  private SecretFindings() {}

  /**
   * {@code stages} null: DescribeSecret did not list the version; {@code existsWithoutStage} then
   * says whether ListSecretVersionIds (deprecated included) still has it.
   */
  static Finding of(SecretDescriptions.Described secret, String versionId, boolean existsWithoutStage) {
    if (secret.deletedDate() != null) {
      return Finding.missing("secret is scheduled for deletion (on " + secret.deletedDate()
          + "); restore-secret cancels that");
    }
    List<String> stages = secret.stages().get(versionId);
    if (stages == null) {
      return existsWithoutStage ? Finding.atRisk(NO_STAGE) : Finding.missing("version " + versionId + " not found");
    }
    return stages.isEmpty() ? Finding.atRisk(NO_STAGE) : Finding.ok("staged " + String.join(", ", stages));
  }
}
