package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AwsException;
import java.util.List;
import java.util.Map;

/** For {@code lock} and rebuild: the AWSCURRENT versionId, and the secret's ARN (DescribeSecret). */
public final class SecretPins {
  static final String CURRENT = "AWSCURRENT";
  private final SecretDescriptions descriptions;

  SecretPins(SecretDescriptions descriptions) {
    this.descriptions = descriptions;
  }

  public String currentVersionId(String secretId) {
    SecretDescriptions.Described d = descriptions.describe(secretId);
    if (d.deletedDate() != null) {
      throw AwsException.input("secret " + secretId + " is scheduled for deletion on " + d.deletedDate(),
          "aws secretsmanager restore-secret --secret-id " + secretId);
    }
    for (Map.Entry<String, List<String>> e : d.stages().entrySet()) {
      if (e.getValue().contains(CURRENT)) {
        return e.getKey();
      }
    }
    throw AwsException.input("secret " + secretId + " has no " + CURRENT + " version", "put a value first");
  }

  public String secretArn(String secretId) {
    return descriptions.describe(secretId).arn();
  }

  /**
   * @param arn the secret's full ARN
   * @param kmsKeyId its KMS key as DescribeSecret names it, or null for the AWS-managed key
   */
  public record Located(String arn, String kmsKeyId) {}

  /** The secret's full ARN and KMS key (one DescribeSecret; never a value). */
  public Located locate(String secretId) {
    SecretDescriptions.Described d = descriptions.describe(secretId);
    return new Located(d.arn(), d.kmsKeyId());
  }
}
