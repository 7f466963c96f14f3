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
  /** How long one daemon call may take unless the caller says otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final DockerClient client;
  private final URI host;
  private final Guard guard;
  private final ContainerCalls containers;
  private final ResourceCalls resources;
  private final LockCalls locks;

  private Docker(DockerClient client, URI host, Duration callTimeout) {
    this.client = client;
    this.host = host;
    this.guard = new Guard(host, callTimeout);
    this.containers = new ContainerCalls(client, guard);
    this.resources = new ResourceCalls(client, guard);
    this.locks = new LockCalls(client, guard);
  }

  /** {@link #connect(Duration)} with {@link #DEFAULT_CALL_TIMEOUT}. */
  public static Docker connect() {
    return connect(DEFAULT_CALL_TIMEOUT);
  }

  /**
   * Connects to DOCKER_HOST (with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH) or the default socket. Every
   * call made through the result fails (UNAVAILABLE, naming the endpoint) when the daemon has not
   * answered within {@code callTimeout}; a pull may take 10 minutes, but no single read of it longer
   * than {@code callTimeout}.
   */
  public static Docker connect(Duration callTimeout) {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive");
    }
    DefaultDockerClientConfig config;
    try {
      config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    } catch (RuntimeException e) {
      throw DockerException.failed("connect to the Docker daemon: " + e.getMessage()
          + " (check DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)", false, e);
    }
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(64)
        .connectionTimeout(callTimeout)
        .responseTimeout(callTimeout)
        .build();
    return new Docker(DockerClientImpl.getInstance(config, http), config.getDockerHost(), callTimeout);
  }

  public URI host() {
    return host;
  }

  /** The daemon's API version, e.g. 1.41; also proves it answers. */
  public String apiVersion() {
    return guard.call("ask the Docker daemon its version", () -> client.versionCmd().exec().getApiVersion());
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
    guard.call(what, PULL_TIMEOUT.plusSeconds(5), () -> {
      try {
        if (!client.pullImageCmd(digestReference).exec(new PullImageResultCallback())
            .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw DockerException.failed(what + ": no answer within " + PULL_TIMEOUT.toMinutes() + " min", false, null);
        }
      } catch (InterruptedException e) {
        Guard.interrupted(what, e);
      }
      return null;
    });
    InspectImageResponse image =
        guard.call("inspect " + digestReference, () -> client.inspectImageCmd(digestReference).exec());
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

  /**
   * The RepoDigests ({@code host/repo@sha256:…}) of a local image by id: the manifest digests it was
   * pulled by. Empty when the image has none (built or loaded locally) or is gone.
   */
  public List<String> repoDigests(String imageId) {
    try {
      InspectImageResponse image = guard.call("inspect image " + imageId, () -> client.inspectImageCmd(imageId).exec());
      return image.getRepoDigests() == null ? List.of() : List.copyOf(image.getRepoDigests());
    } catch (DockerException e) {
      if (e.notFound()) {
        return List.of();
      }
      throw e;
    }
  }

  /** All containers (running or not) carrying every one of these labels. */
  public List<ContainerSummary> containers(Map<String, String> labels) {
    return containers.list(labels);
  }

  /** Kills and removes the container and its anonymous volumes; a missing one is not an error. */
  public void removeContainer(String containerId) {
    containers.remove(containerId);
  }

  /**
   * Creates a lock object: a container named {@code name}, never started, carrying {@code labels}.
   * Returns its id, or empty when a container of that name exists (the lock is held: {@link #find}
   * says by whom). {@link #removeContainer} with the id releases it.
   */
  public Optional<String> createLock(String name, Map<String, String> labels) {
    return locks.create(name, labels);
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
    guard.close();
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      // closing the HTTP connection pool; nothing to report
    }
  }
}
