package dev.phoenix.rebuild.local;

import static dev.phoenix.rebuild.local.DrillEstates.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.docker.ContainerSummary;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.Estate;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Local drills against the real Docker daemon and a loopback registry. */
class LocalDrillIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final DrillOptions FAST = new DrillOptions(Duration.ofSeconds(30), 4, 20);
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static Docker docker;
  static String web;
  static String worker;
  static final List<String> envs = new ArrayList<>();

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    web = registry.reference("drill/web", registry.pushImage("drill/web", "v1"));
    worker = registry.reference("drill/worker", registry.pushImage("drill/worker", "v1"));
    docker = Docker.connect();
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      envs.forEach(e -> Teardown.run(docker, e));
      docker.close();
    }
    if (daemon != null) {
      for (String ref : List.of(String.valueOf(web), String.valueOf(worker))) {
        daemon.docker("rmi", "-f", ref);
      }
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  static String env(String name) {
    String env = "it" + RUN + "-" + name;
    envs.add(env);
    return env;
  }

  static LocalDrill drill() {
    return new LocalDrill(docker, ConfigResolver.none(), PackageFetcher.none(), FAST);
  }

  @Test
  void threeServicesBecomeHealthyInOrderThenReRunReusesAndTeardownRemovesOnlyThem() {
    String env = env("three");
    Estate estate = new DrillEstates(env)
        .stack("base").service("db", worker, 1, plain("LOG_LEVEL", "info"))
        .stack("apps", "base").service("api", web, 2, plain("ECHO_VARS", "LOG_LEVEL"))
        .service("jobs", worker, 1, Map.of())
        .build();
    DrillOutcome first = drill().run(estate, "c0ffee1", "d1");
    assertThat(first.ok()).as(first.toString()).isTrue();
    assertThat(first.services()).extracting(ServiceResult::service).containsExactly("db", "api", "jobs");
    assertThat(first.services()).allSatisfy(s -> assertThat(s.healthCheck()).isEqualTo("http GET /healthz"));
    ServiceResult db = first.services().get(0);
    assertThat(first.services().get(1).readyAtMillis()).isGreaterThanOrEqualTo(db.readyAtMillis());
    assertThat(first.totalMillis()).isGreaterThanOrEqualTo(first.services().get(1).readyAtMillis());

    List<ContainerSummary> running = docker.containers(Labels.of(env));
    assertThat(running).extracting(ContainerSummary::name).containsExactlyInAnyOrder(
        Labels.container(env, "db", 1), Labels.container(env, "api", 1), Labels.container(env, "api", 2), Labels.container(env, "jobs", 1));
    assertThat(running).allSatisfy(c -> assertThat(c.labels())
        .containsEntry(Labels.COMMIT, "c0ffee1").containsEntry(Labels.DRILL, "d1").containsKey(Labels.CONFIG));
    // the blueprint's cpu 256 / memory 512 as ECS means them: a quarter CPU, 512 MiB, hard limits
    assertThat(daemon.docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}}",
        Labels.container(env, "api", 1)).orThrow().stdout().strip()).isEqualTo("536870912 536870912 250000000");
    String ports = daemon.docker("port", Labels.container(env, "api", 2)).orThrow().stdout();
    assertThat(ports).startsWith("8080/tcp -> 127.0.0.1:");
    // the api can reach the db by its service name on the environment's network
    assertThat(daemon.docker("exec", Labels.container(env, "api", 1), "wget", "-q", "-O", "-", "http://db:8080/healthz")
        .orThrow().stdout()).contains("ok");

    DrillOutcome again = drill().run(estate, "c0ffee1", "d2");
    assertThat(again.ok()).isTrue();
    assertThat(again.services()).extracting(ServiceResult::reused).containsExactly(1, 2, 1);
    assertThat(docker.containers(Labels.of(env))).extracting(ContainerSummary::id)
        .containsExactlyInAnyOrderElementsOf(running.stream().map(ContainerSummary::id).toList());

    Estate changed = new DrillEstates(env)
        .stack("base").service("db", worker, 1, plain("LOG_LEVEL", "debug"))
        .stack("apps", "base").service("api", web, 1, plain("ECHO_VARS", "LOG_LEVEL"))
        .build();
    DrillOutcome third = drill().run(changed, "c0ffee2", "d3");
    assertThat(third.ok()).isTrue();
    assertThat(third.services()).extracting(ServiceResult::reused).containsExactly(0, 1);
    assertThat(docker.containers(Labels.of(env))).extracting(ContainerSummary::name)
        .containsExactlyInAnyOrder(Labels.container(env, "db", 1), Labels.container(env, "api", 1));

    String bystander = "phoenix-" + env + "-bystander";
    daemon.docker("network", "create", "--label", Labels.ENV + "=" + env + "x", bystander).orThrow();
    try {
      Teardown.Result removed = Teardown.run(docker, env);
      assertThat(removed.containers()).hasSize(2);
      assertThat(removed.networks()).containsExactly("phoenix-" + env);
      assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();
      assertThat(daemon.docker("network", "ls", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();
      assertThat(daemon.docker("volume", "ls", "-q", "--filter", "label=" + Labels.ENV + "=" + env).orThrow().stdout()).isBlank();
      assertThat(daemon.docker("network", "inspect", bystander).ok()).isTrue();
      assertThat(Teardown.run(docker, env).nothing()).isTrue();
    } finally {
      daemon.docker("network", "rm", bystander);
    }
  }

  @Test
  void aServiceThatNeverGetsHealthyFailsTheDrillWithItsLogsAndStopsItsDependents() {
    String env = env("sick");
    Estate estate = new DrillEstates(env)
        .stack("base").service("db", worker, 1, plain("FAIL_HEALTH", "1"))
        .stack("apps", "base").service("api", web, 1, Map.of())
        .build();
    LocalDrill drill = new LocalDrill(docker, ConfigResolver.none(), PackageFetcher.none(),
        new DrillOptions(Duration.ofSeconds(3), 4, 20));
    DrillOutcome outcome = drill.run(estate, "c0ffee1", "d1");
    assertThat(outcome.ok()).isFalse();
    ServiceResult db = outcome.services().get(0);
    assertThat(db.status()).isEqualTo(ServiceResult.FAILED);
    assertThat(db.failure()).contains("http GET /healthz did not pass").contains("HTTP 404");
    assertThat(db.logTail()).isNotEmpty().anySatisfy(l -> assertThat(l).contains("response:404"));
    assertThat(db.logTail().size()).isLessThanOrEqualTo(20);
    assertThat(outcome.services().get(1).status()).isEqualTo(ServiceResult.NOT_STARTED);
    assertThat(docker.containers(Labels.of(env))).extracting(ContainerSummary::name)
        .containsExactly(Labels.container(env, "db", 1));
  }

  @Test
  void aDigestDeletedFromTheRegistryStopsTheDrillBeforeAnythingStarts() {
    String env = env("gone");
    String repo = "drill/gone";
    String digest = registry.pushImage(repo, "v1");
    registry.deleteManifest(repo, digest);
    Estate estate = new DrillEstates(env)
        .stack("base").service("db", worker, 1, Map.of())
        .stack("apps", "base").service("api", registry.reference(repo, digest), 1, Map.of())
        .build();
    DrillOutcome outcome = drill().run(estate, "c0ffee1", "d1");
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.failure()).startsWith("stopped before starting anything").contains(digest);
    assertThat(outcome.services()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ServiceResult.NOT_STARTED));
    assertThat(docker.containers(Labels.of(env))).isEmpty();
    assertThat(docker.networks(Labels.of(env))).isEmpty();
  }
}
