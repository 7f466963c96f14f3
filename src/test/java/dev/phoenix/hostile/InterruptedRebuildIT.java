package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.10: a local rebuild in a child JVM is sent SIGINT or SIGTERM while its first stack waits
 * for health (its second stack's container created, not started). It writes a record saying
 * {@code interrupted} with what it had started, releases the daemon lock, and a plain re-run (no
 * {@code --force-unlock}) converges: the running container is reused, the created one replaced.
 */
class InterruptedRebuildIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static String image;
  static final List<String> envs = new ArrayList<>();

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    image = registry.reference("hostile/slow", registry.pushImage("hostile/slow", "v1"));
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      envs.forEach(e -> DrillRepo.run("teardown", "--env", e, "--target", "local"));
      daemon.docker("rmi", "-f", String.valueOf(image));
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  @ParameterizedTest(name = "SIGINT={0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void anInterruptedDrillRecordsWhatItStartedReleasesTheLockAndARerunConverges(String signal, int exit,
      @TempDir Path tmp) throws Exception {
    String env = "hi" + RUN + "-" + signal.toLowerCase();
    envs.add(env);
    Path repo = tmp.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/" + env + "/environment.lock.yaml", "apiVersion: phoenix/v1\nkind: EnvironmentLock\n"
              + "environment: " + env + "\nstacks: [base, apps]\nartefacts:\n"
              + "  db:\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + image + "\n"
              + "    source: {repository: https://git.example.com/db, commit: abcdef0}\n"
              + "  api:\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + image + "\n"
              + "    source: {repository: https://git.example.com/api, commit: abcdef0}\n"
              + "config:\n  db:\n    HEALTH_DELAY: {value: '25'}\n")
          .put("stacks/base.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: base\ndependsOn: []\nservices:\n"
              + "  - {name: db, artefact: db, port: 8080, health: /healthz, cpu: 256, memory: 256, replicas: 1, config: db}\n")
          .put("stacks/apps.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: [base]\nservices:\n"
              + "  - {name: api, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 256, replicas: 1}\n");
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + env);
      git.checkout();
    }
    List<String> args = DrillRepo.rebuildArgs(repo, env, tmp.resolve("out"), registry.hostPort(),
        "--target-option", "healthTimeout=90");
    String db = Labels.container(env, "db", 1);
    String api = Labels.container(env, "api", 1);

    long started = System.nanoTime();
    ChildPhoenix child = ChildPhoenix.start(tmp.resolve("logs"), Map.of(), args);
    awaitRunning(db, child);
    assertThat(child.process.isAlive()).as(child.err()).isTrue();
    String dbId = daemon.docker("inspect", "-f", "{{.Id}}", db).orThrow().stdout().strip();
    daemon.docker("inspect", "-f", "{{.Id}}", Labels.lock(env, "local")).orThrow();
    new ProcessBuilder("kill", "-s", signal, Long.toString(child.process.pid())).start().waitFor();
    long signalledAfter = (System.nanoTime() - started) / 1_000_000;
    int code = child.await();

    assertThat(code).as("signalled %d ms after the start; %s", signalledAfter, child.err()).isEqualTo(exit);
    assertThat(child.err()).contains("interrupted: record").contains("interrupted: lock released");
    assertThat(daemon.docker("inspect", Labels.lock(env, "local")).ok()).as("lock released").isFalse();
    List<DrillRecord> records = new DrillRecords(repo.resolve("drills")).list(env).records();
    assertThat(records).hasSize(1);
    DrillRecord r = records.get(0);
    assertThat(r.outcome()).isEqualTo("interrupted");
    assertThat(r.failureReason()).contains("during phase engine").contains("container " + db + " started");
    assertThat(r.started()).contains("network " + Labels.network(env) + " created", "container " + db + " created",
        "container " + db + " started", "container " + api + " created").doesNotContain("container " + api + " started");
    assertThat(r.phases()).extracting(DrillRecord.Phase::name).contains("preflight", "synth", "engine");
    assertThat(r.phases().get(r.phases().size() - 1).status()).isEqualTo("interrupted");
    assertThat(daemon.docker("inspect", "-f", "{{.State.Status}}", api).orThrow().stdout().strip()).isEqualTo("created");

    DrillRepo.Result again = DrillRepo.run(args);
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.err()).contains("db healthy").contains("1 reused").contains("api healthy");
    assertThat(daemon.docker("inspect", "-f", "{{.Id}}", db).orThrow().stdout().strip()).isEqualTo(dbId);
    assertThat(daemon.docker("inspect", "-f", "{{.State.Running}}", api).orThrow().stdout().strip()).isEqualTo("true");
    assertThat(new DrillRecords(repo.resolve("drills")).list(env).records()).extracting(DrillRecord::outcome)
        .containsExactly("succeeded", "interrupted");
  }

  /** Waits until {@code name} runs (the child's drill reached its health wait), or the child ended. */
  private static void awaitRunning(String name, ChildPhoenix child) throws InterruptedException {
    long giveUp = System.nanoTime() + ChildPhoenix.GIVE_UP.toNanos();
    while (System.nanoTime() < giveUp && child.process.isAlive()) {
      var r = daemon.docker("inspect", "-f", "{{.State.Running}}", name);
      if (r.ok() && r.stdout().strip().equals("true")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " never ran; child stderr:\n" + child.err());
  }
}
