package dev.phoenix.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Terraform stack to synthesize ({@code stacks/<name>/cdk.tf.json}).
 *
 * @param name stack name, lower case letters, digits and dashes; not {@value
 *     SynthRequest#NETWORK_STACK}
 * @param dependsOn names of stacks that must be applied first; each must come earlier in the
 *     request (the shared network stack is always a dependency and need not be listed)
 * @param services container services of this stack
 * @param functions Lambda functions of this stack
 * @param datastores datastores of this stack, restored as at the rebuild's date (built before the
 *     stack's services)
 */
public record StackSpec(
    String name, List<String> dependsOn, List<ServiceSpec> services, List<FunctionSpec> functions,
    List<DatastoreSpec> datastores) {

  /** A stack without datastores. */
  public StackSpec(String name, List<String> dependsOn, List<ServiceSpec> services, List<FunctionSpec> functions) {
    this(name, dependsOn, services, functions, List.of());
  }

  public StackSpec {
    ServiceSpec.requireName(name, "stack");
    if (SynthRequest.NETWORK_STACK.equals(name)) {
      throw new IllegalArgumentException(
          "stack name " + name + " is reserved for the shared network stack");
    }
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    services = services == null ? List.of() : List.copyOf(services);
    functions = functions == null ? List.of() : List.copyOf(functions);
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
    Set<String> seen = new HashSet<>();
    for (ServiceSpec service : services) {
      requireUnique(seen, service.name());
    }
    for (FunctionSpec function : functions) {
      requireUnique(seen, function.name());
    }
    for (DatastoreSpec datastore : datastores) {
      requireUnique(seen, datastore.name());
    }
  }

  private void requireUnique(Set<String> seen, String member) {
    if (!seen.add(member)) {
      throw new IllegalArgumentException("stack " + name + ": duplicate member name " + member);
    }
  }
}
