package dev.phoenix.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** Container calls behind {@link Docker}. */
final class ContainerCalls {
  private static final String LOOPBACK = "127.0.0.1";

  private final DockerClient client;
  private final Guard guard;

  ContainerCalls(DockerClient client, Guard guard) {
    this.client = client;
    this.guard = guard;
  }

  String run(ContainerSpec spec) {
    String id = create(spec);
    start(id, spec.name());
    return id;
  }

  String create(ContainerSpec spec) {
    ExposedPort port = ExposedPort.tcp(spec.containerPort());
    Ports bindings = new Ports();
    bindings.bind(port, Ports.Binding.bindIp(LOOPBACK)); // random host port, loopback only
    HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withNetworkMode(spec.network());
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes()); // no swap beyond the limit
    }
    if (spec.nanoCpus() > 0) {
      host.withNanoCPUs(spec.nanoCpus());
    }
    List<String> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    return guard.call("create container " + spec.name(), () -> client.createContainerCmd(spec.image())
        .withName(spec.name())
        .withEnv(env)
        .withLabels(spec.labels())
        .withExposedPorts(port)
        .withHostConfig(host)
        .withAliases(spec.alias())
        .exec()
        .getId());
  }

  /** Starts a created container; removes it when it cannot start. */
  void start(String id, String name) {
    try {
      guard.run("start container " + name, () -> client.startContainerCmd(id).exec());
    } catch (DockerException e) {
      remove(id);
      throw e;
    }
  }

  ContainerState inspect(String idOrName) {
    InspectContainerResponse c =
        guard.call("inspect container " + idOrName, () -> client.inspectContainerCmd(idOrName).exec());
    InspectContainerResponse.ContainerState s = c.getState();
    String health = s.getHealth() == null || s.getHealth().getStatus() == null
        ? ContainerState.NO_HEALTHCHECK : s.getHealth().getStatus();
    Map<String, String> labels = c.getConfig() == null || c.getConfig().getLabels() == null
        ? Map.of() : Map.copyOf(c.getConfig().getLabels());
    return new ContainerState(
        c.getId(), stripSlash(c.getName()), s.getStatus(), Boolean.TRUE.equals(s.getRunning()),
        s.getExitCodeLong() == null ? 0 : s.getExitCodeLong().intValue(), health, hostPort(c), labels,
        c.getImageId());
  }

  Optional<ContainerState> find(String name) {
    try {
      return Optional.of(inspect(name));
    } catch (DockerException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  List<String> logsTail(String id, int lines) {
    StringBuilder text = new StringBuilder();
    guard.run("read the logs of " + id, () -> {
      try {
        client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
            .exec(new ResultCallback.Adapter<Frame>() {
              @Override
              public void onNext(Frame frame) {
                synchronized (text) {
                  text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              }
            }).awaitCompletion(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Guard.interrupted("read the logs of " + id, e);
      }
    });
    synchronized (text) {
      return text.isEmpty() ? List.of() : List.of(text.toString().split("\r?\n"));
    }
  }

  List<ContainerSummary> list(Map<String, String> labels) {
    List<Container> found = guard.call("list containers " + labels,
        () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
    List<ContainerSummary> out = new ArrayList<>();
    for (Container c : found) {
      String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : stripSlash(c.getNames()[0]);
      out.add(new ContainerSummary(c.getId(), name, c.getState(),
          c.getLabels() == null ? Map.of() : Map.copyOf(c.getLabels())));
    }
    return out;
  }

  void remove(String id) {
    try {
      guard.run("remove container " + id,
          () -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
    } catch (DockerException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }

  private static OptionalInt hostPort(InspectContainerResponse c) {
    if (c.getNetworkSettings() == null || c.getNetworkSettings().getPorts() == null) {
      return OptionalInt.empty();
    }
    return c.getNetworkSettings().getPorts().getBindings().values().stream()
        .filter(b -> b != null)
        .flatMap(Arrays::stream)
        .filter(b -> LOOPBACK.equals(b.getHostIp()) && b.getHostPortSpec() != null)
        .mapToInt(b -> Integer.parseInt(b.getHostPortSpec()))
        .findFirst();
  }

  private static String stripSlash(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : name;
  }
}
