package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
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
 * Issue 9.5: two environments whose readable container names used to coincide (env {@code h} service
 * {@code x-api}, env {@code h-x} service {@code api}) drill side by side; and a container or network
 * carrying a drill's exact name but another environment's label, or no Phoenix label, is never
 * removed, replaced or adopted by rebuild or teardown.
 */
class ContainerNameCollisionIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static String image;
  static final List<String> envs = new ArrayList<>();
  static final List<String[]> cleanup = new ArrayList<>();

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    image = registry.reference("hostile/names", registry.pushImage("hostile/names", "v1"));
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      envs.forEach(e -> DrillRepo.run("teardown", "--env", e, "--target", "local"));
      cleanup.forEach(c -> daemon.docker(c));
      daemon.docker("rmi", "-f", String.valueOf(image));
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  static String env(String suffix) {
    String env = "hc" + RUN + suffix;
    envs.add(env);
    return env;
  }

  DrillRepo.Result rebuild(Path tmp, String env, String service) {
    Path repo = DrillRepo.create(tmp.resolve(env), env, service, image, Map.of());
    return DrillRepo.run(DrillRepo.rebuildArgs(repo, env, tmp.resolve("out-" + env), registry.hostPort(),
        "--target-option", "healthTimeout=20"));
  }

  String id(String name) {
    return daemon.docker("inspect", "-f", "{{.Id}}", name).orThrow().stdout().strip();
  }

  @Test
  void envHServiceXApiAndEnvHxServiceApiLiveSideBySideAndTeardownOfOneLeavesTheOther(@TempDir Path tmp) {
    String h = env("");
    String hx = env("-x");
    DrillRepo.Result first = rebuild(tmp, h, "x-api");
    assertThat(first.code()).as(first.all()).isZero();
    String mine = Labels.container(h, "x-api", 1);
    String before = id(mine);

    DrillRepo.Result second = rebuild(tmp, hx, "api");
    assertThat(second.code()).as(second.all()).isZero();
    String theirs = Labels.container(hx, "api", 1);
    assertThat(theirs).isNotEqualTo(mine);
    assertThat(id(mine)).isEqualTo(before);
    assertThat(daemon.docker("inspect", "-f", "{{.State.Running}} {{index .Config.Labels \"phoenix.env\"}}", mine)
        .orThrow().stdout().strip()).isEqualTo("true " + h);

    DrillRepo.Result down = DrillRepo.run("teardown", "--env", hx, "--target", "local");
    assertThat(down.code()).as(down.all()).isZero();
    assertThat(down.out()).contains(theirs).doesNotContain(mine);
    assertThat(id(mine)).isEqualTo(before);
    assertThat(daemon.docker("inspect", theirs).ok()).isFalse();
  }

  @Test
  void aContainerWithTheDrillsNameButNoPhoenixLabelIsNeitherRemovedNorAdopted(@TempDir Path tmp) {
    String env = env("-bare");
    String name = Labels.container(env, "web", 1);
    daemon.docker("create", "--name", name, image).orThrow();
    cleanup.add(new String[] {"rm", "-f", name});
    String before = id(name);

    DrillRepo.Result r = rebuild(tmp, env, "web");
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("container " + name + " exists and was not made by Phoenix")
        .contains("Phoenix does not remove, replace or adopt").contains("rename or remove it yourself");
    assertThat(id(name)).isEqualTo(before);
    assertThat(daemon.docker("inspect", "-f", "{{.State.Status}}", name).orThrow().stdout().strip()).isEqualTo("created");

    DrillRepo.Result down = DrillRepo.run("teardown", "--env", env, "--target", "local");
    assertThat(down.code()).as(down.all()).isZero();
    assertThat(down.out()).doesNotContain(name);
    assertThat(id(name)).isEqualTo(before);
  }

  @Test
  void aContainerWithTheDrillsNameLabelledForAnotherEnvironmentIsRefusedNamingThatEnvironment(@TempDir Path tmp) {
    String env = env("-theirs");
    String name = Labels.container(env, "web", 1);
    daemon.docker("run", "-d", "--name", name, "--label", Labels.ENV + "=someone-else", image).orThrow();
    cleanup.add(new String[] {"rm", "-f", name});
    String before = id(name);

    DrillRepo.Result r = rebuild(tmp, env, "web");
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("container " + name + " belongs to environment 'someone-else'");
    assertThat(id(name)).isEqualTo(before);
    assertThat(daemon.docker("inspect", "-f", "{{.State.Running}}", name).orThrow().stdout().strip()).isEqualTo("true");
    assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();
  }

  @Test
  void aNetworkWithTheDrillsNameButNotItsLabelsIsRefusedAndKeptByRebuildAndTeardown(@TempDir Path tmp) {
    String env = env("-net");
    String network = Labels.network(env);
    daemon.docker("network", "create", network).orThrow();
    cleanup.add(new String[] {"network", "rm", network});
    String before = daemon.docker("network", "inspect", "-f", "{{.Id}}", network).orThrow().stdout().strip();

    DrillRepo.Result r = rebuild(tmp, env, "web");
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("network " + network + " exists and was not made by Phoenix");
    assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();

    DrillRepo.Result down = DrillRepo.run("teardown", "--env", env, "--target", "local");
    assertThat(down.code()).as(down.all()).isZero();
    assertThat(daemon.docker("network", "inspect", "-f", "{{.Id}}", network).orThrow().stdout().strip()).isEqualTo(before);
  }
}
