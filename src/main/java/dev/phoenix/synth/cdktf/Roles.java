package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import software.constructs.Construct;

/** The IAM roles the stacks create: each assumed by one AWS service, Phoenix's inline policy on those that read pinned configuration. */
final class Roles {
  /** The inline policy's name, the same on every role that has one. */
  static final String PINNED_CONFIG = "phoenix-pinned-config";

  private Roles() {}

  /** A role named {@code name} that only {@code service} (e.g. {@code lambda.amazonaws.com}) may assume. */
  static IamRole assumedBy(Construct scope, String id, String name, String service) {
    return IamRole.Builder.create(scope, id)
        .name(name)
        .assumeRolePolicy(IamDocuments.trust(service))
        .build();
  }

  /** {@code role}'s inline policy {@value #PINNED_CONFIG} with the document {@code policy}. */
  static IamRolePolicy pinnedConfig(Construct scope, String id, IamRole role, String policy) {
    return IamRolePolicy.Builder.create(scope, id)
        .name(PINNED_CONFIG)
        .role(role.getId())
        .policy(policy)
        .build();
  }
}
