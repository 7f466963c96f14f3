package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import dev.phoenix.synth.DatastoreSpec;
import dev.phoenix.synth.EmulatorSwitches;
import dev.phoenix.synth.FunctionSpec;
import dev.phoenix.synth.Marker;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.ServiceSpec;
import dev.phoenix.synth.StackSpec;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.TargetOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.IConstruct;

/**
 * Builds the whole environment as one Terraform configuration ({@value SynthRequest#ROOT_STACK}):
 * the network part first, then each {@link StackSpec}'s members, in request order, all in one
 * state. Network values reach services as direct references, so a plan into an empty account
 * shows every resource; a blueprint stack's {@code dependsOn} becomes {@code depends_on} from each
 * of its resources on every resource of the stacks it names.
 */
final class AppStacks {

  private AppStacks() {}

  static TerraformStack build(App app, SynthRequest request, Backends backends) {
    TargetOptions target = request.target();
    TerraformStack stack = StackBase.create(app, SynthRequest.ROOT_STACK, target, backends);
    Map<String, List<TerraformResource>> byBlueprint = new HashMap<>();
    Set<IConstruct> seen = new HashSet<>(stack.getNode().getChildren());
    NetworkRefs refs = NetworkStack.build(stack, target);
    byBlueprint.put(SynthRequest.NETWORK_STACK, added(stack, seen));
    // every datastore first: a service may read the address of one declared in any stack
    Map<String, String> addresses = new HashMap<>();
    Map<String, List<TerraformResource>> datastoresOf = new HashMap<>();
    for (StackSpec spec : request.stacks()) {
      for (DatastoreSpec datastore : spec.datastores()) {
        addresses.put(datastore.name(), DatastoreConstructs.add(stack, target, datastore, refs));
      }
      datastoresOf.put(spec.name(), added(stack, seen));
    }
    int priority = 1;
    for (StackSpec spec : request.stacks()) {
      for (ServiceSpec service : spec.services()) {
        ServiceConstructs.add(stack, target, service, refs, priority++, addresses);
      }
      for (FunctionSpec function : spec.functions()) {
        FunctionConstructs.add(stack, target, function);
      }
      List<TerraformResource> members = new ArrayList<>(datastoresOf.get(spec.name()));
      members.addAll(added(stack, seen));
      for (String dependency : spec.dependsOn()) {
        if (!SynthRequest.NETWORK_STACK.equals(dependency)) {
          dependOn(members, byBlueprint.get(dependency));
        }
      }
      byBlueprint.put(spec.name(), members);
    }
    marker(stack, request);
    emulate(stack, request.emulator());
    return stack;
  }

  private static void marker(TerraformStack stack, SynthRequest request) {
    Map<String, String> value = new LinkedHashMap<>();
    value.put("managed_by", Marker.MANAGED_BY);
    value.put("environment", Names.literal(request.environment()));
    value.put("name_prefix", request.target().namePrefix());
    TerraformOutput.Builder.create(stack, Marker.OUTPUT).value(value).build();
  }

  private static void emulate(TerraformStack stack, EmulatorSwitches switches) {
    for (IConstruct child : stack.getNode().getChildren()) {
      if (child instanceof EcsService service) {
        if (!switches.waitForSteadyState()) {
          service.setWaitForSteadyState(false);
        }
        if (switches.ignoreUnstoredServiceFields()) {
          service.addOverride("lifecycle.ignore_changes",
              List.of("availability_zone_rebalancing", "health_check_grace_period_seconds"));
        }
      }
    }
  }

  /** The resources added to {@code stack} since {@code seen} was taken; adds them to it. */
  private static List<TerraformResource> added(TerraformStack stack, Set<IConstruct> seen) {
    List<TerraformResource> added = new ArrayList<>();
    for (IConstruct child : stack.getNode().getChildren()) {
      if (seen.add(child) && child instanceof TerraformResource resource) {
        added.add(resource);
      }
    }
    return added;
  }

  private static void dependOn(List<TerraformResource> members, List<TerraformResource> first) {
    List<String> fqns = first.stream()
        .map(r -> r.getTerraformResourceType() + "." + r.getFriendlyUniqueId())
        .toList();
    for (TerraformResource member : members) {
      List<String> dependsOn = new ArrayList<>();
      if (member.getDependsOn() != null) {
        dependsOn.addAll(member.getDependsOn());
      }
      fqns.stream().filter(f -> !dependsOn.contains(f)).forEach(dependsOn::add);
      member.setDependsOn(dependsOn);
    }
  }
}
