package dev.phoenix.synth;

import java.util.Map;

/**
 * One Lambda function whose code is an exact S3 object version.
 *
 * @param name function name (prefixed with the target's name prefix when deployed)
 * @param s3Bucket bucket holding the package
 * @param s3Key key of the package
 * @param s3ObjectVersion the pinned S3 version id
 * @param handler handler, e.g. {@code app.handler}
 * @param runtime Lambda runtime, e.g. {@code python3.12}
 * @param memoryMb memory size in MiB
 * @param env environment: plain values or references such as {@code ssm:/p/name:7}, never
 *     secret values
 * @param grants exactly the ARNs the function role may read at run time
 */
public record FunctionSpec(
    String name,
    String s3Bucket,
    String s3Key,
    String s3ObjectVersion,
    String handler,
    String runtime,
    int memoryMb,
    Map<String, String> env,
    Grants grants) {

  public FunctionSpec {
    ServiceSpec.requireName(name, "function");
    requireText(s3Bucket, name, "s3Bucket");
    requireText(s3Key, name, "s3Key");
    requireText(s3ObjectVersion, name, "s3ObjectVersion");
    requireText(handler, name, "handler");
    requireText(runtime, name, "runtime");
    if (memoryMb < 128) {
      throw new IllegalArgumentException("function " + name + ": memoryMb must be >= 128");
    }
    env = ServiceSpec.sortedEnv(env, "function " + name);
    grants = grants == null ? Grants.NONE : grants;
  }

  private static void requireText(String value, String name, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("function " + name + ": " + field + " is required");
    }
  }
}
