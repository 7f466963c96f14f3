package dev.phoenix.synth;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;

/** An empty stack with its backend and an AWS provider (region, account guard, default tags). */
final class StackBase {

  /**
   * The bindings (provider-aws 18.0.3) were generated from hashicorp/aws 5.23.1 and pin exactly
   * that; any 5.x from it on accepts this JSON, and the exact build is fixed by the engine's
   * dependency lock file, so the pin is widened to what mirrors actually hold.
   */
  static final String AWS_PROVIDER_CONSTRAINT = ">= 5.23.1, < 6.0.0";

  private StackBase() {}

  static TerraformStack create(App app, String name, TargetOptions target, Backends backends) {
    TerraformStack stack = new TerraformStack(app, name);
    backends.attach(stack, name);
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
    stack.addOverride("terraform.required_providers.aws.source", "hashicorp/aws");
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
