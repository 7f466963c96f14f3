package dev.phoenix.rebuild.aws;

/**
 * How pinned configuration is referenced in the target account. Implementations never hand a
 * value to the caller: {@link #materialize} copies inside the store.
 */
interface ConfigRefs extends AutoCloseable {

  /** A parameter's ARN and current version (null when unknown: offline). */
  record Param(String arn, Long currentVersion) {}

  Param parameter(String name);

  /** Copies {@code name} at {@code version} into {@code target}; returns the target's ARN. */
  String materialize(String name, long version, String target, String description);

  /** The secret's full ARN (with its suffix); fails when the pinned version does not exist. */
  String secretArn(String secretId, String versionId);

  /** Value-free notes about how references were resolved (e.g. offline assumptions). */
  default java.util.List<String> notes() {
    return java.util.List.of();
  }

  @Override
  void close();
}
