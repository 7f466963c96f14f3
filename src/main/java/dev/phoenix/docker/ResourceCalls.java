package dev.phoenix.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Network and volume calls behind {@link Docker}. */
final class ResourceCalls {
  private final DockerClient client;
  private final Guard guard;

  ResourceCalls(DockerClient client, Guard guard) {
    this.client = client;
    this.guard = guard;
  }

  String createNetwork(String name, Map<String, String> labels) {
    return guard.call("create network " + name, () -> client.createNetworkCmd()
        .withName(name).withDriver("bridge").withCheckDuplicate(true).withLabels(labels).exec().getId());
  }

  Optional<Named> network(String name) {
    try {
      Network n = guard.call("inspect network " + name, () -> client.inspectNetworkCmd().withNetworkId(name).exec());
      return Optional.of(new Named(n.getId(), n.getName(), labels(n.getLabels())));
    } catch (DockerException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  List<Named> networks(Map<String, String> labels) {
    List<Network> found = guard.call("list networks " + labels,
        () -> client.listNetworksCmd().withFilter("label", filter(labels)).exec());
    List<Named> out = new ArrayList<>();
    for (Network n : found) {
      out.add(new Named(n.getId(), n.getName(), labels(n.getLabels())));
    }
    return out;
  }

  void removeNetwork(String id) {
    try {
      guard.run("remove network " + id, () -> client.removeNetworkCmd(id).exec());
    } catch (DockerException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }

  List<Named> volumes(Map<String, String> labels) {
    List<InspectVolumeResponse> found = guard.call("list volumes " + labels,
        () -> client.listVolumesCmd().withFilter("label", filter(labels)).exec().getVolumes());
    List<Named> out = new ArrayList<>();
    if (found != null) {
      for (InspectVolumeResponse v : found) {
        out.add(new Named(v.getName(), v.getName(), labels(v.getLabels())));
      }
    }
    return out;
  }

  void removeVolume(String name) {
    try {
      guard.run("remove volume " + name, () -> client.removeVolumeCmd(name).exec());
    } catch (DockerException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }

  private static List<String> filter(Map<String, String> labels) {
    List<String> out = new ArrayList<>();
    labels.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  private static Map<String, String> labels(Map<String, String> labels) {
    return labels == null ? Map.of() : Map.copyOf(labels);
  }
}
