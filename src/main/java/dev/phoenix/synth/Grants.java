package dev.phoenix.synth;

import java.util.List;
import java.util.TreeSet;

/**
 * Exactly what one task execution role (service) or function role may read: SSM parameter ARNs
 * for {@code ssm:GetParameters} and Secrets Manager secret ARNs for {@code
 * secretsmanager:GetSecretValue}. Kept sorted and free of duplicates so the policy is stable.
 */
public record Grants(List<String> parameterArns, List<String> secretArns) {

  public static final Grants NONE = new Grants(List.of(), List.of());

  public Grants {
    parameterArns = sortedArns(parameterArns, ":ssm:", "parameterArns");
    secretArns = sortedArns(secretArns, ":secretsmanager:", "secretArns");
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
