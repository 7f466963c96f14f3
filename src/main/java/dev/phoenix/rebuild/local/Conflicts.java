package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.ContainerState;
import dev.phoenix.docker.Docker;
import dev.phoenix.docker.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker objects that carry a drill's names but not its environment's label: another environment's
 * containers or network, or things Phoenix never made. A drill never removes, replaces or adopts
 * them, whatever their name; it stops before starting anything and names them.
 */
final class Conflicts {
  private Conflicts() {}

  /** One line per container or network of the plan's names that is not {@code env}'s. */
  static List<String> find(Docker docker, DrillPlan plan, String network) {
    String env = plan.environment();
    List<String> found = new ArrayList<>();
    List<String> names = new ArrayList<>(plan.containerNames());
    names.addAll(plan.datastoreContainers().values());
    for (String name : names) {
      docker.find(name).filter(c -> !env.equals(c.labels().get(Labels.ENV)))
          .ifPresent(c -> found.add("container " + name + " " + whose(c.labels())));
    }
    Optional<Named> net = docker.network(network);
    net.filter(n -> !env.equals(n.labels().get(Labels.ENV)) || n.labels().get(Labels.SALT) == null)
        .ifPresent(n -> found.add("network " + network + " " + whose(n.labels())));
    return found;
  }

  /** Throws (CHECK_FAILED) when {@code c} is not {@code env}'s. */
  static void refuseForeign(ContainerState c, String env) {
    if (!env.equals(c.labels().get(Labels.ENV))) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "container " + c.name() + " "
          + whose(c.labels()) + "; Phoenix does not remove, replace or adopt it", advice());
    }
  }

  static String whose(Map<String, String> labels) {
    String other = labels.get(Labels.ENV);
    return other == null ? "exists and was not made by Phoenix (no " + Labels.ENV + " label)"
        : "belongs to environment '" + other + "' (label " + Labels.ENV + "=" + other + ")";
  }

  static String advice() {
    return "rename or remove it yourself (it is not this environment's), then re-run";
  }
}
