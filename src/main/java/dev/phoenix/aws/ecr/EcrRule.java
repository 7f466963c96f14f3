package dev.phoenix.aws.ecr;

import dev.phoenix.check.KeepLabels;

/**
 * The ECR lifecycle rule that exempts Phoenix's keep tags: an image matched by a higher-priority
 * rule is never expired by a lower-priority one, and this rule's count is out of reach.
 */
public final class EcrRule {
  private EcrRule() {}

  public static String json() {
    return """
        {"rules": [{"rulePriority": 1,
          "description": "Phoenix keep tags: images a revision may be rebuilt from (phoenix protect)",
          "selection": {"tagStatus": "tagged", "tagPrefixList": ["%s"],
                        "countType": "imageCountMoreThan", "countNumber": 9999},
          "action": {"type": "expire"}}]}
        """.formatted(KeepLabels.PREFIX).strip();
  }
}
