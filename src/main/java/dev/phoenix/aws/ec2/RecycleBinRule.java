package dev.phoenix.aws.ec2;

import dev.phoenix.check.KeepLabels;

/**
 * The Recycle Bin retention rule that keeps a deregistered machine image carrying the
 * environment's keep tag restorable for a number of days. EBS snapshots behind an image need a rule
 * of their own (resource type EBS_SNAPSHOT) to be restorable with it.
 */
public final class RecycleBinRule {
  private RecycleBinRule() {}

  /** The AWS CLI call that creates the rule. */
  public static String command(String env, long days) {
    return "aws rbin create-rule --resource-type EC2_IMAGE --retention-period RetentionPeriodValue=" + days
        + ",RetentionPeriodUnit=DAYS --resource-tags ResourceTagKey=" + KeepLabels.forEnv(env)
        + ",ResourceTagValue=" + AmiTags.VALUE + " --description \"Phoenix: images a revision of " + env
        + " may be rebuilt from\"";
  }
}
