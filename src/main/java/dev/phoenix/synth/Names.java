package dev.phoenix.synth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Resource names, Terraform identifiers and literal escaping.
 *
 * <p>Every AWS name ends with the drill id ({@code <namePrefix>-<member>-<drillId>}), kept verbatim
 * however long the rest is, so names of two drills never collide and never match an existing
 * resource of the environment itself (whose names carry no drill id). AWS limits: load balancer
 * and target group 32 characters, IAM role and Lambda function 64, log group 512, ECS cluster,
 * task family and security group 255.
 */
public final class Names {

  /** Load balancers and target groups. */
  public static final int LB_MAX = 32;
  /** IAM roles and Lambda functions. */
  public static final int ROLE_MAX = 64;
  /** ECS clusters, task families, security groups. */
  public static final int LONG_MAX = 255;

  private Names() {}

  /** {@code <namePrefix>-<drillId>}: the cluster, the VPC's Name, the load balancer. */
  public static String base(TargetOptions target) {
    return target.namePrefix() + "-" + target.requireScope().drillId();
  }

  /**
   * {@code <namePrefix>-<member>-<drillId>} within {@code max} characters: when too long, the part
   * before the drill id is shortened by {@link #fit} (a prefix plus 8 hex characters of its
   * SHA-256), and the drill id stays whole.
   */
  public static String scoped(TargetOptions target, String member, int max) {
    String drill = target.requireScope().drillId();
    return fit(target.namePrefix() + "-" + member, max - drill.length() - 1) + "-" + drill;
  }

  /**
   * {@code base} when it fits in {@code max} characters, otherwise a prefix of it followed by 8
   * hex characters of its SHA-256, so distinct long names stay distinct and stable.
   */
  public static String fit(String base, int max) {
    if (base.length() <= max) {
      return base;
    }
    String hash = sha256Hex(base).substring(0, 8);
    return base.substring(0, max - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
  }

  /**
   * The S3 state key of {@code stack} for the target's drill: {@code
   * <keyPrefix>/<environment>/<drillId>/<stack>.tfstate} (without a leading {@code /} when the
   * prefix is empty). One key per environment and drill, so neither two environments nor two drills
   * of one environment ever share, and so overwrite, a state under the default (empty) prefix.
   */
  public static String stateKey(TargetOptions target, String keyPrefix, String stack) {
    Scope scope = target.requireScope();
    String prefix = keyPrefix == null ? "" : keyPrefix.replaceAll("^/+|/+$", "");
    return (prefix.isEmpty() ? "" : prefix + "/") + scope.environment() + "/" + scope.drillId() + "/"
        + stack + ".tfstate";
  }

  /** A Terraform identifier (resource or output name) from a validated member name. */
  public static String tfId(String name) {
    return name.replace('-', '_');
  }

  /**
   * Escapes a literal for Terraform JSON syntax, where every string is a template: {@code ${}
   * and {@code %{} would otherwise be evaluated (an env value could reference other resources).
   */
  public static String literal(String value) {
    return value.replace("${", "$${").replace("%{", "%%{");
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
