package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The busybox test image of scripts/lib/test-image.sh, pushed to a LocalRegistry and run by Docker. */
class TestImageIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void imageServesHealthEnvAndExtraFileAndCanFailHealth() throws Exception {
    Path extra = Files.createTempFile("phoenix-extra-", ".txt");
    Files.writeString(extra, "extra content\n");
    try (DockerDaemon docker = DockerDaemon.ensureRunning();
        LocalRegistry registry = LocalRegistry.start()) {
      String digest = registry.pushImage("drill/web", "v1", extra);
      String other = registry.pushImage("drill/web", "v2");
      assertThat(digest).isNotEqualTo(other);
      assertThat(registry.manifestStatus("drill/web", digest)).isEqualTo(200);

      int port = Servers.freeLoopbackPort();
      String ref = registry.reference("drill/web", digest);
      String id = run(docker, "-p", "127.0.0.1:" + port + ":9000", "-e", "PORT=9000", "-e",
          "HEALTH_PATH=/live", "-e", "ECHO_VARS=COLOUR,MISSING", "-e", "COLOUR=blue", ref);
      try {
        assertThat(awaitStatus(port, "/live")).isEqualTo(200);
        assertThat(get(port, "/cgi-bin/env").body()).isEqualTo("COLOUR=blue\nMISSING=\n");
        assertThat(get(port, "/" + extra.getFileName()).body()).isEqualTo("extra content\n");
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(404);
      } finally {
        docker.docker("rm", "-f", id);
      }
      assertThat(registry.countRequests("GET", "/v2/drill/web/manifests/" + digest)).isGreaterThanOrEqualTo(1);

      int failing = Servers.freeLoopbackPort();
      String failId = run(docker, "-p", "127.0.0.1:" + failing + ":8080", "-e", "FAIL_HEALTH=1", ref);
      try {
        assertThat(awaitStatus(failing, "/")).isEqualTo(200);
        assertThat(get(failing, "/healthz").statusCode()).isEqualTo(404);
      } finally {
        docker.docker("rm", "-f", failId);
        docker.docker("rmi", ref);
      }
    } finally {
      Files.deleteIfExists(extra);
    }
  }

  @Test
  void syntheticImageIsPullableByDocker() {
    try (DockerDaemon docker = DockerDaemon.ensureRunning();
        LocalRegistry registry = LocalRegistry.start()) {
      String digest = registry.pushSyntheticImage("synthetic/app", "v1", "payload".getBytes());
      String ref = registry.reference("synthetic/app", digest);

      Exec.Result pull = docker.docker("pull", ref);
      try {
        assertThat(pull.ok()).as(pull.stderr()).isTrue();
        assertThat(pull.stdout()).contains(digest);
      } finally {
        docker.docker("rmi", ref);
      }
    }
  }

  private static String run(DockerDaemon docker, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "run";
    all[1] = "-d";
    System.arraycopy(args, 0, all, 2, args.length);
    return docker.docker(all).orThrow().lastLine();
  }

  private int awaitStatus(int port, String path) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return get(port, path).statusCode();
      } catch (Exception notYet) {
        Servers.sleep(100);
      }
    }
    throw new AssertionError("container on port " + port + " never answered " + path);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
