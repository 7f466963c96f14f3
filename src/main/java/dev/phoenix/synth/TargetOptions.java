package dev.phoenix.synth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and under which names the environment is built.
 *
 * @param region AWS region, e.g. {@code eu-west-1}
 * @param namePrefix prefix of every AWS resource name, e.g. {@code shop-prod}
 * @param accountId when present, the provider refuses to run against any other account
 * @param backend where Terraform state lives
 * @param scope environment, drill id and commit: in every resource name and tag; required to
 *     synthesize (the four-argument form leaves it to {@link #withScope})
 * @param network zones and NAT gateways of the shared network
 */
public record TargetOptions(
    String region,
    String namePrefix,
    Optional<String> accountId,
    StateBackend backend,
    Scope scope,
    NetworkOptions network) {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,19}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  public TargetOptions {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not an AWS region: " + region);
    }
    if (namePrefix == null || !PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException("name prefix must match " + PREFIX.pattern());
    }
    accountId = accountId == null ? Optional.empty() : accountId;
    if (accountId.isPresent() && !ACCOUNT.matcher(accountId.get()).matches()) {
      throw new IllegalArgumentException("account id must be 12 digits");
    }
    backend = backend == null ? StateBackend.local() : backend;
    network = network == null ? NetworkOptions.DEFAULT : network;
  }

  /** Options without a scope yet (and the default network): give one with {@link #withScope}. */
  public TargetOptions(
      String region, String namePrefix, Optional<String> accountId, StateBackend backend) {
    this(region, namePrefix, accountId, backend, null, null);
  }

  public TargetOptions withScope(Scope newScope) {
    return new TargetOptions(region, namePrefix, accountId, backend, newScope, network);
  }

  public TargetOptions withNetwork(NetworkOptions newNetwork) {
    return new TargetOptions(region, namePrefix, accountId, backend, scope, newNetwork);
  }

  /** The scope; synthesis refuses options without one. */
  public Scope requireScope() {
    if (scope == null) {
      throw new IllegalStateException("target options have no scope (drill id): call withScope");
    }
    return scope;
  }

  /** The ARN partition of the region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  public String partition() {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
