package dev.phoenix.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The docker-java adapter against the real daemon and a loopback registry. */
class DockerIT {
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static Docker docker;
  static String reference;
  static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    reference = registry.reference("adapter/web", registry.pushImage("adapter/web", "v1"));
    docker = Docker.connect();
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      docker.containers(Map.of("phoenix.test", RUN)).forEach(c -> docker.removeContainer(c.id()));
      docker.networks(Map.of("phoenix.test", RUN)).forEach(n -> docker.removeNetwork(n.id()));
      docker.close();
    }
    if (registry != null) {
      daemon.docker("rmi", "-f", reference);
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void pullsByDigestRunsWithEnvOnLoopbackAndFindsByLabel() throws Exception {
    assertThat(docker.apiVersion()).matches("1\\.\\d+");
    PulledImage image = docker.pullByDigest(reference);
    assertThat(image.repoDigests()).contains(reference);
    assertThat(image.hasHealthcheck()).isFalse();

    Map<String, String> labels = Map.of("phoenix.test", RUN);
    String network = docker.createNetwork("phoenix-" + RUN, labels);
    assertThat(docker.network("phoenix-" + RUN)).get().extracting(Named::id).isEqualTo(network);
    ContainerSpec spec = new ContainerSpec("phoenix-" + RUN + "-web-1", reference,
        Map.of("ECHO_VARS", "GREETING", "GREETING", "hello there"), labels, 8080, "phoenix-" + RUN, "web");
    assertThat(spec.toString()).doesNotContain("hello there");
    String id = docker.run(spec);

    ContainerState state = awaitPort(id);
    assertThat(state.running()).isTrue();
    assertThat(state.health()).isEqualTo(ContainerState.NO_HEALTHCHECK);
    assertThat(state.labels()).containsEntry("phoenix.test", RUN);
    assertThat(daemon.docker("port", id).orThrow().stdout()).startsWith("8080/tcp -> 127.0.0.1:");
    String alias = daemon.docker("inspect", "--format",
        "{{json (index .NetworkSettings.Networks \"phoenix-" + RUN + "\").Aliases}}", id).orThrow().stdout();
    assertThat(alias).contains("\"web\"");

    String body = get("http://127.0.0.1:" + state.hostPort().getAsInt() + "/cgi-bin/env");
    assertThat(body).contains("GREETING=hello there");
    assertThat(String.join("\n", docker.logsTail(id, 20))).contains("listening on :8080");

    assertThat(docker.containers(labels)).extracting(ContainerSummary::id).containsExactly(id);
    docker.removeContainer(id);
    docker.removeContainer(id); // missing: not an error
    assertThat(docker.containers(labels)).isEmpty();
    assertThat(docker.find(spec.name())).isEmpty();
  }

  @Test
  void missingDigestFailsAsNotFoundWithoutAVendorException() {
    String missing = registry.hostPort() + "/adapter/nothing@sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> docker.pullByDigest(missing))
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("pull " + missing)
        .hasNoSuppressedExceptions();
    assertThatThrownBy(() -> docker.pullByDigest("busybox:latest"))
        .isInstanceOf(DockerException.class).hasMessageContaining("not a by-digest");
  }

  private static ContainerState awaitPort(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      ContainerState state = docker.inspect(id);
      if (state.hostPort().isPresent() || System.nanoTime() > deadline) {
        return state;
      }
      Thread.sleep(100);
    }
  }

  private static String get(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no 200 from " + url);
      }
      Thread.sleep(100);
    }
  }
}
