package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.docker.Docker;
import dev.phoenix.rebuild.local.DaemonLock;
import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.9: the rebuild lock of (environment, local) lives on the Docker daemon, so two checkouts
 * (two {@code --out} directories) exclude each other; a stale lock of a dead process on this host is
 * taken over and said so; a lock from another host is not, until {@code --force-unlock}.
 */
class DaemonLockIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static Docker docker;
  static String image;
  static final List<String> envs = new ArrayList<>();

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    image = registry.reference("hostile/lock", registry.pushImage("hostile/lock", "v1"));
    docker = Docker.connect();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      for (String e : envs) {
        DrillRepo.run("teardown", "--env", e, "--target", "local");
        daemon.docker("rm", "-f", Labels.lock(e, "local"));
      }
      daemon.docker("rmi", "-f", String.valueOf(image));
    }
    if (docker != null) {
      docker.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  static String env(String suffix) {
    String env = "hl" + RUN + suffix;
    envs.add(env);
    return env;
  }

  List<String> rebuild(Path tmp, Path repo, String env, String out) {
    return DrillRepo.rebuildArgs(repo, env, tmp.resolve(out), registry.hostPort(), "--target-option", "healthTimeout=20");
  }

  @Test
  void aSecondCheckoutFailsAtOnceNamingTheHolderAndSucceedsOnceTheLockIsFree(@TempDir Path tmp) {
    String env = env("-two");
    Path repo = DrillRepo.create(tmp.resolve("checkout-b"), env, "web", image, Map.of());
    DrillRepo.Result held;
    DrillRepo.Result teardown;
    String holder;
    try (DaemonLock first = DaemonLock.acquire(docker, false, env, "local", line -> { })) {
      holder = first.holder().describe();
      held = DrillRepo.run(rebuild(tmp, repo, env, "out-b"));
      teardown = DrillRepo.run("teardown", "--env", env, "--target", "local");
      assertThat(daemon.docker("inspect", "-f", "{{.State.Status}} {{index .Config.Labels \"phoenix.lock\"}}",
          Labels.lock(env, "local")).orThrow().stdout().strip()).isEqualTo("created " + env + "/local");
    }
    assertThat(held.code()).as(held.all()).isEqualTo(3);
    assertThat(held.err()).contains("environment " + env + " target local is already being rebuilt or torn down by "
        + holder).contains("lock container " + Labels.lock(env, "local")).contains("--force-unlock");
    assertThat(held.err()).doesNotContain("[preflight]").doesNotContain("local: Docker");
    assertThat(tmp.resolve("checkout-b/drills")).doesNotExist();
    assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();
    assertThat(teardown.code()).as(teardown.all()).isEqualTo(3);
    assertThat(teardown.err()).contains("already being rebuilt or torn down by " + holder);

    DrillRepo.Result free = DrillRepo.run(rebuild(tmp, repo, env, "out-b"));
    assertThat(free.code()).as(free.all()).isZero();
    assertThat(free.err()).contains("lock container " + Labels.lock(env, "local"));
    assertThat(daemon.docker("inspect", Labels.lock(env, "local")).ok()).as("released after the run").isFalse();
  }

  @Test
  void aStaleLockOfADeadProcessOnThisHostIsTakenOverAndSaidSo(@TempDir Path tmp) throws Exception {
    String env = env("-stale");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    createLock(env, InetAddress.getLocalHost().getHostName(), deadPid);
    Path repo = DrillRepo.create(tmp.resolve("repo"), env, "web", image, Map.of());

    DrillRepo.Result r = DrillRepo.run(rebuild(tmp, repo, env, "out"));
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err()).contains("lock: taking over the stale lock of ghost@" + InetAddress.getLocalHost().getHostName()
        + " (pid " + deadPid + ")").contains("no longer running on this host");
    assertThat(daemon.docker("inspect", Labels.lock(env, "local")).ok()).isFalse();
  }

  @Test
  void aLockFromAnotherHostIsNotJudgedStaleButForceUnlockRemovesIt(@TempDir Path tmp) {
    String env = env("-remote");
    createLock(env, "build-agent-7.example.com", 1);
    Path repo = DrillRepo.create(tmp.resolve("repo"), env, "web", image, Map.of());

    DrillRepo.Result r = DrillRepo.run(rebuild(tmp, repo, env, "out"));
    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("already being rebuilt or torn down by ghost@build-agent-7.example.com (pid 1)");

    DrillRepo.Result unlock = DrillRepo.run("rebuild", "--repo", repo.toString(), "--env", env, "--target", "local",
        "--force-unlock");
    assertThat(unlock.code()).as(unlock.all()).isZero();
    assertThat(unlock.out()).contains("removed lock held by ghost@build-agent-7.example.com (pid 1)");
    assertThat(DrillRepo.run(rebuild(tmp, repo, env, "out")).code()).isZero();
  }

  @Test
  void aContainerWithTheLocksNameThatIsNoPhoenixLockIsNeverRemoved(@TempDir Path tmp) {
    String env = env("-squat");
    String name = Labels.lock(env, "local");
    daemon.docker("create", "--name", name, image).orThrow();
    String before = daemon.docker("inspect", "-f", "{{.Id}}", name).orThrow().stdout().strip();
    Path repo = DrillRepo.create(tmp.resolve("repo"), env, "web", image, Map.of());

    DrillRepo.Result r = DrillRepo.run(rebuild(tmp, repo, env, "out"));
    DrillRepo.Result unlock = DrillRepo.run("rebuild", "--repo", repo.toString(), "--env", env, "--target", "local",
        "--force-unlock");
    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("a container named " + name).contains("is not a Phoenix lock")
        .contains("Phoenix does not touch it");
    assertThat(unlock.code()).as(unlock.all()).isEqualTo(3);
    assertThat(daemon.docker("inspect", "-f", "{{.Id}}", name).orThrow().stdout().strip()).isEqualTo(before);
  }

  /** A lock container as another Phoenix process would have left it. */
  private void createLock(String env, String host, long pid) {
    daemon.docker("create", "--name", Labels.lock(env, "local"), "--label", Labels.LOCK + "=" + env + "/local",
        "--label", Labels.LOCK_USER + "=ghost", "--label", Labels.LOCK_HOST + "=" + host,
        "--label", Labels.LOCK_PID + "=" + pid, "--label", Labels.LOCK_SINCE + "=2026-11-29T08:00:00Z",
        "--label", Labels.LOCK_TOKEN + "=t-" + RUN, image).orThrow();
  }
}
