package dev.phoenix.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything needed to synthesize one environment, already resolved (no lockfile knowledge here).
 * Besides the given stacks, a shared {@value #NETWORK_STACK} stack (VPC, subnets, security
 * groups, load balancer, ECS cluster) is always synthesized first.
 *
 * @param target region, names, account guard and state backend
 * @param stacks stacks in dependency order
 */
public record SynthRequest(TargetOptions target, List<StackSpec> stacks) {

  /** Name of the shared network stack every other stack depends on. */
  public static final String NETWORK_STACK = "network";

  public SynthRequest {
    if (target == null) {
      throw new IllegalArgumentException("target options are required");
    }
    stacks = stacks == null ? List.of() : List.copyOf(stacks);
    Set<String> earlier = new HashSet<>();
    Set<String> members = new HashSet<>();
    for (StackSpec stack : stacks) {
      for (String dependency : stack.dependsOn()) {
        if (!earlier.contains(dependency) && !NETWORK_STACK.equals(dependency)) {
          throw new IllegalArgumentException(
              "stack " + stack.name() + " depends on " + dependency
                  + ", which is not an earlier stack of the request");
        }
      }
      if (!earlier.add(stack.name())) {
        throw new IllegalArgumentException("duplicate stack " + stack.name());
      }
      stack.services().forEach(s -> requireUnique(members, "service " + s.name()));
      stack.functions().forEach(f -> requireUnique(members, "function " + f.name()));
    }
  }

  private static void requireUnique(Set<String> members, String member) {
    if (!members.add(member)) {
      throw new IllegalArgumentException(member + " appears in more than one stack");
    }
  }
}
