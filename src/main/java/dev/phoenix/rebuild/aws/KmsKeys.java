package dev.phoenix.rebuild.aws;

import java.util.Optional;

/**
 * The KMS key a secret or SecureString parameter is encrypted with, as an ARN for {@code
 * kms:Decrypt}: a key ARN or alias ARN as given; a bare key id or alias name completed with the
 * region and account of the secret or parameter (a store uses keys of its own region). AWS-managed
 * keys ({@code alias/aws/...}) need no grant and give none.
 */
final class KmsKeys {
  private KmsKeys() {}

  static Optional<String> arn(String keyId, String ownerArn) {
    if (keyId == null || keyId.isBlank() || keyId.startsWith("alias/aws/") || keyId.contains(":alias/aws/")) {
      return Optional.empty();
    }
    if (keyId.startsWith("arn:")) {
      return Optional.of(keyId);
    }
    String[] owner = ownerArn.split(":", 6); // arn, partition, service, region, account, resource
    String prefix = "arn:" + owner[1] + ":kms:" + owner[3] + ":" + owner[4] + ":";
    return Optional.of(prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId));
  }
}
