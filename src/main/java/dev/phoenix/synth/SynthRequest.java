package dev.phoenix.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything needed to synthesize one environment, already resolved (no lockfile knowledge here).
 * The environment becomes one Terraform configuration, {@value #ROOT_STACK}, with one state: the
 * shared network part (VPC, subnets, security groups, load balancer, ECS cluster) and then the
 * members of the given stacks.
 *
 * @param target region, names, account guard and state backend
 * @param stacks stacks in dependency order
 * @param environment the environment this is a rebuild of, recorded in the configuration's
 *     {@value Marker#OUTPUT} output (a teardown checks it); defaults to the name prefix
 * @param emulator switches for what an AWS emulator cannot do; {@link EmulatorSwitches#REAL_AWS}
 *     unless a test or the demo says otherwise
 */
public record SynthRequest(
    TargetOptions target, List<StackSpec> stacks, String environment, EmulatorSwitches emulator) {

  /** The blueprint-level name of the shared network part every stack depends on. */
  public static final String NETWORK_STACK = "network";

  /** The name of the one synthesized configuration ({@code stacks/environment/cdk.tf.json}). */
  public static final String ROOT_STACK = "environment";

  public SynthRequest {
    if (target == null) {
      throw new IllegalArgumentException("target options are required");
    }
    stacks = stacks == null ? List.of() : List.copyOf(stacks);
    environment = environment == null || environment.isBlank() ? target.namePrefix() : environment;
    emulator = emulator == null ? EmulatorSwitches.REAL_AWS : emulator;
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
      stack.datastores().forEach(d -> requireUnique(members, "datastore " + d.name()));
    }
    datastoreReaders(stacks);
  }

  /**
   * Every datastore a service's environment names is one of the request's, and is not in a stack
   * that depends (through {@code dependsOn}) on the service's own: its resources would wait for the
   * service, whose task definition reads the datastore's address, a cycle Terraform refuses.
   */
  private static void datastoreReaders(List<StackSpec> stacks) {
    java.util.Map<String, StackSpec> byDatastore = new java.util.HashMap<>();
    java.util.Map<String, StackSpec> byName = new java.util.HashMap<>();
    for (StackSpec stack : stacks) {
      byName.put(stack.name(), stack);
      stack.datastores().forEach(d -> byDatastore.put(d.name(), stack));
    }
    for (StackSpec stack : stacks) {
      for (ServiceSpec service : stack.services()) {
        service.datastores().forEach((variable, datastore) -> {
          StackSpec owner = byDatastore.get(datastore);
          if (owner == null) {
            throw new IllegalArgumentException("service " + service.name() + ": " + variable
                + " names datastore " + datastore + ", which the request does not restore");
          }
          if (owner != stack && dependsOn(owner, stack.name(), byName, new HashSet<>())) {
            throw new IllegalArgumentException("service " + service.name() + ": " + variable
                + " names datastore " + datastore + " of stack " + owner.name() + ", which depends on the service's stack "
                + stack.name() + " (a cycle)");
          }
        });
      }
    }
  }

  private static boolean dependsOn(StackSpec stack, String target, java.util.Map<String, StackSpec> byName,
      Set<String> seen) {
    for (String dependency : stack.dependsOn()) {
      if (dependency.equals(target)) {
        return true;
      }
      StackSpec next = byName.get(dependency);
      if (next != null && seen.add(dependency) && dependsOn(next, target, byName, seen)) {
        return true;
      }
    }
    return false;
  }

  /** A request for real AWS, recorded as a rebuild of the environment named by the prefix. */
  public SynthRequest(TargetOptions target, List<StackSpec> stacks) {
    this(target, stacks, null, null);
  }

  /** This request, recorded as a rebuild of {@code environment}. */
  public SynthRequest withEnvironment(String environment) {
    return new SynthRequest(target, stacks, environment, emulator);
  }

  /** This request with the given emulator switches. */
  public SynthRequest withEmulator(EmulatorSwitches emulator) {
    return new SynthRequest(target, stacks, environment, emulator);
  }

  private static void requireUnique(Set<String> members, String member) {
    if (!members.add(member)) {
      throw new IllegalArgumentException(member + " appears in more than one stack");
    }
  }
}
