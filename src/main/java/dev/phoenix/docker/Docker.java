package dev.phoenix.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Docker daemon (DOCKER_HOST, else the default socket), through docker-java. The only
 * class outside this package needs: every call translates docker-java failures into
 * {@link DockerException}. Thread-safe; one instance per drill, closed at the end.
 */
public final class Docker implements AutoCloseable {
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

  private final DockerClient client;
  private final URI host;
  private final ContainerCalls containers;
  private final ResourceCalls resources;

  private Docker(DockerClient client, URI host) {
    this.client = client;
    this.host = host;
    this.containers = new ContainerCalls(client);
    this.resources = new ResourceCalls(client);
  }

  /** Connects to DOCKER_HOST (with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH) or the default socket. */
  public static Docker connect() {
    return Guard.call("connect to the Docker daemon", () -> {
      DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
      ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
          .dockerHost(config.getDockerHost())
          .sslConfig(config.getSSLConfig())
          .maxConnections(64)
          .connectionTimeout(Duration.ofSeconds(10))
          .responseTimeout(Duration.ofMinutes(5))
          .build();
      return new Docker(DockerClientImpl.getInstance(config, http), config.getDockerHost());
    });
  }

  public URI host() {
    return host;
  }

  /** The daemon's API version, e.g. 1.41; also proves it answers. */
  public String apiVersion() {
    return Guard.call("ask the Docker daemon its version", () -> client.versionCmd().exec().getApiVersion());
  }

  /**
   * Pulls {@code host/repo@sha256:…} (never a tag, never a build) and checks that the pulled image's
   * RepoDigests hold exactly that reference.
   */
  public PulledImage pullByDigest(String digestReference) {
    if (!digestReference.matches("[^@\\s]+/[^@\\s]+@sha256:[0-9a-f]{64}")) {
      throw DockerException.failed("not a by-digest image reference: " + digestReference, false, null);
    }
    String what = "pull " + digestReference;
    Guard.run(what, () -> {
      try {
        if (!client.pullImageCmd(digestReference).exec(new PullImageResultCallback())
            .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw DockerException.failed(what + ": no answer within " + PULL_TIMEOUT.toMinutes() + " min", false, null);
        }
      } catch (InterruptedException e) {
        Guard.interrupted(what, e);
      }
    });
    InspectImageResponse image =
        Guard.call("inspect " + digestReference, () -> client.inspectImageCmd(digestReference).exec());
    List<String> repoDigests = image.getRepoDigests() == null ? List.of() : List.copyOf(image.getRepoDigests());
    if (!repoDigests.contains(digestReference)) {
      throw DockerException.failed(
          what + ": the pulled image's RepoDigests " + repoDigests + " do not contain the locked digest", false, null);
    }
    boolean healthcheck = image.getConfig() != null && image.getConfig().getHealthcheck() != null
        && image.getConfig().getHealthcheck().getTest() != null
        && !image.getConfig().getHealthcheck().getTest().isEmpty()
        && !"NONE".equals(image.getConfig().getHealthcheck().getTest().get(0));
    return new PulledImage(digestReference, image.getId(), repoDigests, healthcheck);
  }

  /** Creates and starts the container; returns its id. */
  public String run(ContainerSpec spec) {
    return containers.run(spec);
  }

  /** Creates the container without starting it (the slow part on some storage drivers); returns its id. */
  public String create(ContainerSpec spec) {
    return containers.create(spec);
  }

  /** Starts a created container; a container that cannot start is removed. */
  public void start(String containerId) {
    containers.start(containerId, containerId);
  }

  public ContainerState inspect(String containerIdOrName) {
    return containers.inspect(containerIdOrName);
  }

  /** Inspects a container by name, or empty when none has that name. */
  public Optional<ContainerState> find(String name) {
    return containers.find(name);
  }

  /** The last {@code lines} lines of stdout and stderr, interleaved as Docker stored them. */
  public List<String> logsTail(String containerId, int lines) {
    return containers.logsTail(containerId, lines);
  }

  /** All containers (running or not) carrying every one of these labels. */
  public List<ContainerSummary> containers(Map<String, String> labels) {
    return containers.list(labels);
  }

  /** Kills and removes the container and its anonymous volumes; a missing one is not an error. */
  public void removeContainer(String containerId) {
    containers.remove(containerId);
  }

  /** Creates a bridge network with these labels; returns its id. */
  public String createNetwork(String name, Map<String, String> labels) {
    return resources.createNetwork(name, labels);
  }

  public Optional<Named> network(String name) {
    return resources.network(name);
  }

  public List<Named> networks(Map<String, String> labels) {
    return resources.networks(labels);
  }

  public void removeNetwork(String id) {
    resources.removeNetwork(id);
  }

  public List<Named> volumes(Map<String, String> labels) {
    return resources.volumes(labels);
  }

  public void removeVolume(String name) {
    resources.removeVolume(name);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      // closing the HTTP connection pool; nothing to report
    }
  }
}
