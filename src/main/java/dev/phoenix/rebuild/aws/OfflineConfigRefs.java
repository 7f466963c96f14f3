package dev.phoenix.rebuild.aws;

import dev.phoenix.core.PhoenixException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code offline: true}: contacts no AWS store, for a plan-only look at the synthesis without an
 * account (the demo). Parameter ARNs are built from account and region and every pinned SSM
 * version is assumed current (nothing materialized); a secret is referenced by its partial ARN
 * (no random suffix), which the real task role grant would not match. Never used with --apply.
 */
final class OfflineConfigRefs implements ConfigRefs {
  private final String partition;
  private final String region;
  private final String account;
  private final List<String> notes = new ArrayList<>();

  OfflineConfigRefs(String region, String account) {
    if (account == null) {
      throw PhoenixException.input("offline synthesis needs the account id to build ARNs", "give --account");
    }
    this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    this.region = region;
    this.account = account;
  }

  @Override
  public Param parameter(String name) {
    notes.add("offline: ssm:" + name + " not checked; its pinned version is assumed current (not materialized), "
        + "its KMS key not looked up");
    return new Param("arn:" + partition + ":ssm:" + region + ":" + account + ":parameter"
        + (name.startsWith("/") ? name : "/" + name), null);
  }

  @Override
  public String materialize(String name, long version, String target, String description) {
    throw new IllegalStateException("offline synthesis never materializes");
  }

  @Override
  public Secret secret(String secretId) {
    notes.add("offline: secret " + secretId + " referenced by partial ARN (real ARNs carry a random suffix); "
        + "its KMS key not looked up (no kms:Decrypt grant for a customer key)");
    return new Secret("arn:" + partition + ":secretsmanager:" + region + ":" + account + ":secret:" + secretId,
        null);
  }

  @Override
  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public void close() {}
}
