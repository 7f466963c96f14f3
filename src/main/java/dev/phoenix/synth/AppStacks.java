package dev.phoenix.synth;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import java.util.HashMap;
import java.util.Map;

/** Builds the network stack and then one stack per {@link StackSpec}, in request order. */
final class AppStacks {

  private AppStacks() {}

  static void build(App app, SynthRequest request, Backends backends) {
    TargetOptions target = request.target();
    TerraformStack network = NetworkStack.build(app, target, backends);
    Map<String, TerraformStack> built = new HashMap<>();
    built.put(SynthRequest.NETWORK_STACK, network);
    int priority = 1;
    for (StackSpec spec : request.stacks()) {
      TerraformStack stack = StackBase.create(app, spec.name(), target, backends);
      stack.addDependency(network);
      for (String dependency : spec.dependsOn()) {
        if (!SynthRequest.NETWORK_STACK.equals(dependency)) {
          stack.addDependency(built.get(dependency));
        }
      }
      NetworkRefs refs =
          spec.services().isEmpty()
              ? null
              : NetworkRefs.read(backends.remoteState(stack, SynthRequest.NETWORK_STACK));
      for (ServiceSpec service : spec.services()) {
        ServiceConstructs.add(stack, target, service, refs, priority++);
      }
      for (FunctionSpec function : spec.functions()) {
        FunctionConstructs.add(stack, target, function);
      }
      built.put(spec.name(), stack);
    }
  }
}
