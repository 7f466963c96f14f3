package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import dev.phoenix.synth.TargetOptions;
import java.util.List;
import java.util.Map;

/** The empty configuration with its backend and an AWS provider (region, account guard, default tags). */
final class StackBase {

  /**
   * The bindings (provider-aws 18.0.3) were generated from hashicorp/aws 5.23.1 and pin exactly
   * that; any 5.x from it on accepts this JSON, and the exact build is fixed by the engine's
   * dependency lock file, so the pin is widened to what mirrors actually hold.
   */
  /**
   * Fully qualified, so that OpenTofu (whose default host is registry.opentofu.org) and Terraform
   * both look for the same provider, and a filesystem mirror laid out under {@code
   * registry.terraform.io/hashicorp/aws} serves both.
   */
  static final String AWS_PROVIDER_SOURCE = "registry.terraform.io/hashicorp/aws";

  static final String AWS_PROVIDER_CONSTRAINT = ">= 5.23.1, < 6.0.0";

  private StackBase() {}

  static TerraformStack create(App app, String name, TargetOptions target, Backends backends) {
    TerraformStack stack = new TerraformStack(app, name);
    backends.attach(stack, target);
    AwsProvider.Builder provider =
        AwsProvider.Builder.create(stack, "aws")
            .region(target.region())
            .defaultTags(
                List.of(
                    AwsProviderDefaultTags.builder()
                        .tags(tags(target, name))
                        .build()));
    target.accountId().ifPresent(account -> provider.allowedAccountIds(List.of(account)));
    provider.build();
    stack.addOverride("terraform.required_providers.aws.source", AWS_PROVIDER_SOURCE);
    stack.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_CONSTRAINT);
    return stack;
  }

  /** Prefix and stack, plus the scope's environment, drill id and lockfile commit. */
  private static Map<String, String> tags(TargetOptions target, String name) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("phoenix:prefix", target.namePrefix());
    tags.put("phoenix:stack", name);
    tags.putAll(target.requireScope().tags());
    return tags;
  }
}
