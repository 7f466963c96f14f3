package dev.phoenix.drift;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.ContainerState;
import dev.phoenix.docker.ContainerSummary;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Stack;
import dev.phoenix.rebuild.local.ConfigResolver;
import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.rebuild.local.RunningConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --target local}: the containers labelled for the environment on the Docker host. A
 * container's image is compared through its RepoDigests (the manifest digests it was pulled by; its
 * {@code .Image} is the config digest), its count with the blueprint's replicas, and its config
 * label with the salted hash of the pinned config, recomputed through the drill's own config
 * reading. Containers without the environment's label are never looked at.
 */
public final class LocalProbe implements Probe {
  private final Docker docker;
  private final ConfigResolver config;

  public LocalProbe(Docker docker, ConfigResolver config) {
    this.docker = docker;
    this.config = config;
  }

  @Override
  public String target() {
    return "local";
  }

  /** One container as observed. */
  record Replica(String name, boolean running, String imageId, List<String> repoDigests, String configHash) {}

  @Override
  public LiveState look(String environment) {
    docker.apiVersion();
    Map<String, List<Replica>> byService = new TreeMap<>();
    Map<String, List<String>> digestsByImage = new HashMap<>();
    for (ContainerSummary c : docker.containers(Labels.of(environment))) {
      String service = c.labels().get(Labels.SERVICE);
      if (service == null) {
        continue;
      }
      ContainerState state;
      try {
        state = docker.inspect(c.id());
      } catch (PhoenixException e) {
        if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
          throw e;
        }
        continue; // removed between list and inspect
      }
      List<String> digests = state.imageId() == null ? List.of()
          : digestsByImage.computeIfAbsent(state.imageId(), docker::repoDigests);
      byService.computeIfAbsent(service, k -> new ArrayList<>()).add(new Replica(c.name(), state.running(),
          state.imageId(), digests, state.labels().get(Labels.CONFIG)));
    }
    Optional<String> salt = RunningConfig.salt(docker, environment);
    return new Observed(byService, salt.orElse(null));
  }

  /** What was observed; compares with any estate. */
  private final class Observed implements LiveState {
    private final Map<String, List<Replica>> byService;
    private final String salt;
    /** Config hash (or the reason it could not be computed) per config block as pinned. */
    private final Map<Map<String, ConfigSource>, String> hashes = new HashMap<>();
    private final Map<Map<String, ConfigSource>, String> failures = new HashMap<>();

    Observed(Map<String, List<Replica>> byService, String salt) {
      this.byService = byService;
      this.salt = salt;
    }

    @Override
    public List<DriftItem> compare(Estate estate) {
      List<DriftItem> items = new ArrayList<>();
      Set<String> known = new LinkedHashSet<>();
      for (Stack stack : estate.stacks()) {
        for (Stack.Service service : stack.services()) {
          known.add(service.name());
          items.add(service(estate, service));
        }
      }
      byService.forEach((name, replicas) -> {
        if (!known.contains(name) && replicas.stream().anyMatch(Replica::running)) {
          items.add(new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNMANAGED, null, running(replicas),
              "container(s) labelled " + Labels.ENV + "=" + estate.lockfile().environment()
                  + " run a service the lockfile does not have"));
        }
      });
      return items;
    }

    private DriftItem service(Estate estate, Stack.Service service) {
      String name = service.name();
      Artefact a = estate.lockfile().artefacts().get(service.artefact());
      if (!(a instanceof Artefact.ContainerImage image) || image.image() == null || !image.image().pinned()) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNKNOWN, null, null,
            "artefact '" + service.artefact() + "' is not a container image pinned by digest in the lockfile");
      }
      ImageReference pinned = image.image();
      String ref = pinned.digestReference();
      int wanted = Math.max(1, service.replicas());
      String lock = ref + (wanted > 1 ? " ×" + wanted : "");
      List<Replica> running = byService.getOrDefault(name, List.of()).stream().filter(Replica::running).toList();
      if (running.isEmpty()) {
        int stopped = byService.getOrDefault(name, List.of()).size();
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.NOT_RUNNING, lock, null,
            stopped == 0 ? "no container" : stopped + " container(s), none running");
      }
      String runs = running(running);
      List<String> other = new ArrayList<>();
      boolean unpinned = false;
      for (Replica r : running) {
        if (r.repoDigests().contains(ref) || pinned.digest().toString().equals(r.imageId())) {
          continue;
        }
        if (r.repoDigests().isEmpty()) {
          unpinned = true;
        } else {
          other.add(r.name());
        }
      }
      if (!other.isEmpty()) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs,
            String.join(", ", other) + " run(s) another image than the lockfile's");
      }
      if (unpinned) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNPINNED, lock, runs,
            "an image with no manifest digest (built or loaded locally, or run by tag)");
      }
      if (running.size() != wanted) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs,
            "replicas: lockfile " + wanted + ", running " + running.size());
      }
      Map<String, ConfigSource> sources = service.config() == null ? Map.of()
          : estate.lockfile().config().getOrDefault(service.config(), Map.of());
      if (salt == null) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNKNOWN, lock, runs,
            "the network " + Labels.network(estate.lockfile().environment()) + " with the config salt is gone");
      }
      String expected = hash(service.config(), sources);
      if (expected == null) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNKNOWN, lock, runs,
            "config " + service.config() + " could not be read: " + failures.get(sources));
      }
      List<String> otherConfig = running.stream().filter(r -> !expected.equals(r.configHash())).map(Replica::name).toList();
      if (!otherConfig.isEmpty()) {
        return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs, String.join(", ", otherConfig)
            + " run(s) with other config than the lockfile pins (compared by salted hash, values never read back)");
      }
      return DriftItem.match(DriftItem.SERVICE, name, lock);
    }

    private String hash(String configName, Map<String, ConfigSource> sources) {
      if (hashes.containsKey(sources)) {
        return hashes.get(sources);
      }
      if (failures.containsKey(sources)) {
        return null;
      }
      try {
        String h = RunningConfig.hash(configName, sources, config, salt);
        hashes.put(sources, h);
        return h;
      } catch (PhoenixException e) {
        failures.put(sources, e.getMessage());
        return null;
      }
    }
  }

  /** The distinct images the replicas run: their manifest digests, else their image ids. */
  static String running(List<Replica> replicas) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Replica r : replicas) {
      if (!r.running()) {
        continue;
      }
      String what = r.repoDigests().isEmpty() ? "image " + r.imageId() : String.join(" ", r.repoDigests());
      counts.merge(what, 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((what, n) -> parts.add(what + (n > 1 ? " ×" + n : "")));
    return String.join(", ", parts);
  }
}
