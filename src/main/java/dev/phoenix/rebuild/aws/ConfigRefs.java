package dev.phoenix.rebuild.aws;

/**
 * How pinned configuration is referenced in the target account. Implementations never hand a
 * value to the caller: {@link #materialize} copies inside the store.
 */
interface ConfigRefs extends AutoCloseable {

  /**
   * A parameter's ARN, current version (null when unknown: offline) and KMS key as SSM names it
   * (null for String parameters, the AWS-managed key, or unknown).
   */
  record Param(String arn, Long currentVersion, String kmsKeyId) {
    Param(String arn, Long currentVersion) {
      this(arn, currentVersion, null);
    }
  }

  /** A secret's full ARN and KMS key as DescribeSecret names it (null: AWS-managed or unknown). */
  record Secret(String arn, String kmsKeyId) {}

  Param parameter(String name);

  /** Copies {@code name} at {@code version} into {@code target}; returns the target's ARN. */
  String materialize(String name, long version, String target, String description);

  /** The secret's full ARN (with its suffix) and KMS key. */
  Secret secret(String secretId);

  /** Value-free notes about how references were resolved (e.g. offline assumptions). */
  default java.util.List<String> notes() {
    return java.util.List.of();
  }

  @Override
  void close();
}
