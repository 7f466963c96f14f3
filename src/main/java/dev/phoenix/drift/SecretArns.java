package dev.phoenix.drift;

/**
 * Reads an ECS secret {@code valueFrom}: {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX}
 * optionally followed by {@code :json-key:version-stage:version-id}. Only ARNs, never values.
 */
final class SecretArns {
  private SecretArns() {}

  /** True when {@code valueFrom} refers to the secret the lockfile names (an ARN, or a name). */
  static boolean names(String valueFrom, String secretId) {
    if (valueFrom == null || !valueFrom.startsWith("arn:") || !valueFrom.contains(":secretsmanager:")) {
      return false;
    }
    String base = base(valueFrom);
    if (secretId.startsWith("arn:")) {
      return base.equals(base(secretId));
    }
    int at = base.indexOf(":secret:");
    String name = at < 0 ? "" : base.substring(at + ":secret:".length());
    return name.equals(secretId) || name.matches(java.util.regex.Pattern.quote(secretId) + "-[A-Za-z0-9]{6}");
  }

  /** The version id a {@code valueFrom} pins, or null (the current version). */
  static String versionId(String valueFrom) {
    String[] parts = valueFrom.split(":", -1);
    // arn aws secretsmanager region account secret name [json-key version-stage version-id]
    return parts.length >= 10 && !parts[9].isEmpty() ? parts[9] : null;
  }

  private static String base(String arn) {
    String[] parts = arn.split(":", -1);
    return parts.length >= 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
  }
}
