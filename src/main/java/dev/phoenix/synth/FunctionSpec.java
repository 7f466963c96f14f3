package dev.phoenix.synth;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Lambda function whose code is an exact S3 object version.
 *
 * <p>The secret contract: an environment value {@code secret:<secret ARN>:<versionId>} names a
 * Secrets Manager secret version and {@code ssm:<parameter ARN>:<version>} an SSM parameter
 * version; the function resolves them itself (GetSecretValue with that VersionId, GetParameter of
 * {@code <ARN>:<version>}, each in the ARN's region) and its role may read exactly those secrets,
 * only at those versions, and exactly those parameters (docs/aws-resources.md).
 *
 * @param name function name (the deployed name carries the name prefix and drill id)
 * @param artefactVersion the artefact's version, tagged on the function
 * @param s3Bucket bucket holding the package; it must be in the function's region (checked when
 *     planned: a precondition on the bucket's region)
 * @param s3Key key of the package
 * @param s3ObjectVersion the pinned S3 version id
 * @param sha256 the package's sha256 (64 hex) from the lockfile: its base64 is the function's
 *     {@code source_code_hash}
 * @param handler handler, e.g. {@code app.handler}
 * @param runtime Lambda runtime, e.g. {@code python3.12}
 * @param memoryMb memory size in MiB (128 to 10240)
 * @param timeoutSeconds run time limit in seconds (1 to 900)
 * @param env environment: plain values or references such as {@code ssm:<ARN>:7}, never secret
 *     values
 * @param grants exactly the ARNs the function role may read at run time; must cover every
 *     {@code secret:} reference
 */
public record FunctionSpec(
    String name,
    String artefactVersion,
    String s3Bucket,
    String s3Key,
    String s3ObjectVersion,
    String sha256,
    String handler,
    String runtime,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> env,
    Grants grants) {

  /** Timeout when the blueprint gives none (Lambda's own default, 3 s, is too short to start). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;
  /** Prefix of a pinned secret version reference in a function's environment. */
  public static final String SECRET_REF = "secret:";
  /** Prefix of a pinned SSM parameter version reference in a function's environment. */
  public static final String SSM_REF = "ssm:";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public FunctionSpec {
    ServiceSpec.requireName(name, "function");
    requireText(artefactVersion, name, "artefactVersion");
    requireText(s3Bucket, name, "s3Bucket");
    requireText(s3Key, name, "s3Key");
    requireText(s3ObjectVersion, name, "s3ObjectVersion");
    requireText(handler, name, "handler");
    requireText(runtime, name, "runtime");
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("function " + name + ": sha256 must be 64 hex digits");
    }
    if (memoryMb < 128 || memoryMb > 10240) {
      throw new IllegalArgumentException("function " + name + ": memoryMb must be 128 to 10240");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw new IllegalArgumentException("function " + name + ": timeout must be 1 to 900 s");
    }
    env = ServiceSpec.sortedEnv(env, "function " + name);
    grants = grants == null ? Grants.NONE : grants;
    java.util.Set<String> referenced = new java.util.HashSet<>();
    for (Map.Entry<String, String> entry : env.entrySet()) {
      if (entry.getValue().startsWith(SECRET_REF)) {
        referenced.add(secretArnOf(entry.getValue()));
        String arn = secretArnOf(entry.getValue());
        if (!grants.secretArns().contains(arn)) {
          throw new IllegalArgumentException(
              "function " + name + ": secret reference " + entry.getKey()
                  + " must name a secret ARN covered by the function's grants");
        }
      }
    }
    for (String granted : grants.secretArns()) {
      if (!referenced.contains(granted)) {
        throw new IllegalArgumentException(
            "function " + name + ": secret grant " + granted + " is referenced by no "
                + SECRET_REF + "<ARN>:<versionId> variable (a function reads secrets only at a "
                + "pinned version)");
      }
    }
  }

  /** {@code source_code_hash}: the base64 of the package's sha256. */
  public String sourceCodeHash() {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
  }

  /** Secret ARN to the version ids the environment references (what the role may read). */
  public Map<String, List<String>> secretVersions() {
    Map<String, TreeSet<String>> versions = new LinkedHashMap<>();
    for (String value : env.values()) {
      if (value.startsWith(SECRET_REF)) {
        versions.computeIfAbsent(secretArnOf(value), arn -> new TreeSet<>())
            .add(value.substring(value.lastIndexOf(':') + 1));
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    versions.forEach((arn, ids) -> out.put(arn, List.copyOf(ids)));
    return out;
  }

  private static String secretArnOf(String reference) {
    String rest = reference.substring(SECRET_REF.length());
    int last = rest.lastIndexOf(':');
    return last < 0 ? rest : rest.substring(0, last);
  }

  private static void requireText(String value, String name, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("function " + name + ": " + field + " is required");
    }
  }
}
