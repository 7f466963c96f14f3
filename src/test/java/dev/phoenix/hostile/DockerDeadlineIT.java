package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.11: a Docker endpoint (DOCKER_HOST) that accepts connections and never answers, or closes
 * them at once, makes rebuild, teardown and force-unlock fail with exit 3 and an error naming the
 * endpoint, instead of hanging; every daemon call has a deadline ({@code dockerTimeout},
 * {@code --docker-timeout}).
 */
class DockerDeadlineIT {
  static final String IMAGE = "127.0.0.1:5999/hostile/never@sha256:" + "ab".repeat(32);

  /** A loopback TCP server: {@code silent} holds every connection open and never writes; else closes it. */
  static final class Endpoint implements AutoCloseable {
    final ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();
    final List<Socket> held = new ArrayList<>();

    Endpoint(boolean silent) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            accepted.incrementAndGet();
            if (silent) {
              synchronized (held) {
                held.add(s);
              }
            } else {
              s.close();
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "hostile-docker-endpoint");
      t.setDaemon(true);
      t.start();
    }

    String url() {
      return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  @Test
  void anEndpointThatNeverAnswersFailsRebuildTeardownAndForceUnlockWithinTheDeadline(@TempDir Path tmp)
      throws Exception {
    try (Endpoint silent = new Endpoint(true)) {
      Path repo = DrillRepo.create(tmp.resolve("repo"), "hd-silent", "web", IMAGE, Map.of());
      Map<String, String> env = Map.of("DOCKER_HOST", silent.url());

      ChildPhoenix rebuild = ChildPhoenix.start(tmp.resolve("logs"), env, DrillRepo.rebuildArgs(repo, "hd-silent",
          tmp.resolve("out"), "127.0.0.1:5999", "--target-option", "dockerTimeout=2"));
      assertThat(rebuild.await()).as(rebuild.err()).isEqualTo(3);
      assertThat(rebuild.err()).contains("Docker daemon at " + silent.url() + " did not answer").contains("within 2 s")
          .contains("docker info");

      ChildPhoenix teardown = ChildPhoenix.start(tmp.resolve("logs"), env,
          List.of("teardown", "--env", "hd-silent", "--target", "local", "--docker-timeout", "2"));
      assertThat(teardown.await()).as(teardown.err()).isEqualTo(3);
      assertThat(teardown.err()).contains("Docker daemon at " + silent.url() + " did not answer").contains("within 2 s");

      ChildPhoenix unlock = ChildPhoenix.start(tmp.resolve("logs"), env, List.of("rebuild", "--repo", repo.toString(),
          "--env", "hd-silent", "--target", "local", "--force-unlock", "--target-option", "dockerTimeout=2"));
      assertThat(unlock.await()).as(unlock.err()).isEqualTo(3);
      assertThat(unlock.err()).contains("Docker daemon at " + silent.url() + " did not answer");
      assertThat(silent.accepted.get()).as("the calls reached the endpoint").isGreaterThanOrEqualTo(3);
    }
    assertThat(tmp.resolve("repo/drills")).doesNotExist();
  }

  @Test
  void anEndpointThatClosesEveryConnectionFailsAtOnceNamingIt(@TempDir Path tmp) throws Exception {
    try (Endpoint closing = new Endpoint(false)) {
      Path repo = DrillRepo.create(tmp.resolve("repo"), "hd-closing", "web", IMAGE, Map.of());
      Map<String, String> env = Map.of("DOCKER_HOST", closing.url());
      ChildPhoenix rebuild = ChildPhoenix.start(tmp.resolve("logs"), env,
          DrillRepo.rebuildArgs(repo, "hd-closing", tmp.resolve("out"), "127.0.0.1:5999"));
      ChildPhoenix teardown = ChildPhoenix.start(tmp.resolve("logs"), env,
          List.of("teardown", "--env", "hd-closing", "--target", "local"));
      assertThat(rebuild.await()).as(rebuild.err()).isEqualTo(3);
      assertThat(rebuild.err()).contains("Docker daemon at " + closing.url());
      assertThat(teardown.await()).as(teardown.err()).isEqualTo(3);
      assertThat(teardown.err()).contains("Docker daemon at " + closing.url());
      assertThat(closing.accepted.get()).isGreaterThanOrEqualTo(2);
    }
  }
}
