package dev.phoenix.rebuild.local;

import dev.phoenix.docker.ContainerSummary;
import dev.phoenix.docker.Docker;
import dev.phoenix.docker.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Removes everything local drills created for one environment, found by the label
 * {@code phoenix.env=ENV}: containers (with their anonymous volumes), labelled volumes, the network.
 * Nothing without that label is touched, whatever its name.
 */
public final class Teardown {
  /** Names of what was removed. */
  public record Result(String environment, List<String> containers, List<String> volumes, List<String> networks) {
    public boolean nothing() {
      return containers.isEmpty() && volumes.isEmpty() && networks.isEmpty();
    }
  }

  private Teardown() {}

  /**
   * {@link #run} while holding the environment's {@link DaemonLock} (a rebuild running on the same
   * daemon makes teardown fail at once, naming it; a stale lock is taken over and {@code notes} says so).
   */
  public static Result locked(Docker docker, String environment, Consumer<String> notes) {
    try (DaemonLock lock = DaemonLock.acquire(docker, false, environment, LocalTarget.NAME, notes)) {
      return run(docker, environment);
    }
  }

  public static Result run(Docker docker, String environment) {
    Map<String, String> labels = Labels.of(environment);
    List<String> containers = new ArrayList<>();
    for (ContainerSummary c : docker.containers(labels)) {
      docker.removeContainer(c.id());
      containers.add(c.name());
    }
    List<String> volumes = new ArrayList<>();
    for (Named v : docker.volumes(labels)) {
      docker.removeVolume(v.name());
      volumes.add(v.name());
    }
    List<String> networks = new ArrayList<>();
    for (Named n : docker.networks(labels)) {
      docker.removeNetwork(n.id());
      networks.add(n.name());
    }
    return new Result(environment, List.copyOf(containers), List.copyOf(volumes), List.copyOf(networks));
  }
}
