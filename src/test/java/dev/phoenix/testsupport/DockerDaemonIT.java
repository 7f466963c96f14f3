package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DockerDaemonIT {

  @Test
  void daemonAnswersOnTheDefaultSocket() {
    try (DockerDaemon docker = DockerDaemon.ensureRunning()) {
      Exec.Result version = docker.docker("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}");

      assertThat(version.ok()).as(version.stderr()).isTrue();
      assertThat(version.stdout().strip()).matches("\\d+\\.\\d+\\.\\S+ 1\\.\\d+");
      assertThat(docker.serverApiVersion()).isEqualTo(version.stdout().strip().split(" ")[1]);
      if (System.getenv("DOCKER_HOST") == null) {
        assertThat(docker.dockerHost()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
      }
    }
  }

  @Test
  void failedCommandsReportTheirExitCode() {
    try (DockerDaemon docker = DockerDaemon.ensureRunning()) {
      Exec.Result result = docker.docker("image", "inspect", "phoenix-no-such-image:never");

      assertThat(result.ok()).isFalse();
      assertThat(result.stderr()).containsIgnoringCase("no such image");
    }
  }
}
