package dev.phoenix.synth;

import java.util.List;
import java.util.TreeSet;

/**
 * Exactly what one task execution role (service) or function role may read: SSM parameter ARNs
 * for {@code ssm:GetParameters}, Secrets Manager secret ARNs for {@code
 * secretsmanager:GetSecretValue}, and the customer-managed KMS keys those are encrypted with for
 * {@code kms:Decrypt} (a key ARN, or an alias ARN when the store names the key by alias). Kept
 * sorted and free of duplicates so the policy is stable.
 */
public record Grants(List<String> parameterArns, List<String> secretArns, List<String> kmsKeyArns) {

  public static final Grants NONE = new Grants(List.of(), List.of(), List.of());

  public Grants {
    parameterArns = sortedArns(parameterArns, ":ssm:", "parameterArns");
    secretArns = sortedArns(secretArns, ":secretsmanager:", "secretArns");
    kmsKeyArns = sortedArns(kmsKeyArns, ":kms:", "kmsKeyArns");
    for (String key : kmsKeyArns) {
      if (!key.matches("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[A-Za-z0-9/_+=.@-]+")) {
        throw new IllegalArgumentException("kmsKeyArns: expected a KMS key or alias ARN, got " + key);
      }
    }
  }

  /** Parameters and secrets encrypted with AWS-managed keys (no KMS grant needed). */
  public Grants(List<String> parameterArns, List<String> secretArns) {
    this(parameterArns, secretArns, List.of());
  }

  /** Key ARNs among {@link #kmsKeyArns}. */
  public List<String> keyArns() {
    return kmsKeyArns.stream().filter(arn -> arn.contains(":key/")).toList();
  }

  /** Alias ARNs among {@link #kmsKeyArns}. */
  public List<String> aliasArns() {
    return kmsKeyArns.stream().filter(arn -> arn.contains(":alias/")).toList();
  }

  /** True when {@code valueFrom} (an ECS secret reference) is covered by one of these grants. */
  boolean covers(String valueFrom) {
    List<String> arns = valueFrom.contains(":secretsmanager:") ? secretArns : parameterArns;
    for (String arn : arns) {
      if (valueFrom.equals(arn) || valueFrom.startsWith(arn + ":")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> sortedArns(List<String> arns, String service, String field) {
    if (arns == null) {
      return List.of();
    }
    for (String arn : arns) {
      if (arn == null || !arn.startsWith("arn:") || !arn.contains(service) || arn.contains("*")
          || arn.contains("${")
          || arn.contains("%{")) {
        throw new IllegalArgumentException(
            field + ": expected an exact " + service.replace(":", "") + " ARN, got " + arn);
      }
    }
    return List.copyOf(new TreeSet<>(arns));
  }
}
