package dev.phoenix.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.cli.Main;
import dev.phoenix.docker.Docker;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Estate;
import dev.phoenix.rebuild.local.ConfigResolver;
import dev.phoenix.rebuild.local.DrillOptions;
import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.rebuild.local.LocalDrill;
import dev.phoenix.rebuild.local.Teardown;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix drift --target local} after a real local drill: a Git repository with two lockfile
 * revisions, images in a loopback registry, containers on the real Docker daemon.
 */
class DriftLocalIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String ENV = "itdrift" + RUN;
  static final String BYSTANDER = "phoenix-drift-bystander-" + RUN;
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static Docker docker;
  static String web1;
  static String web2;
  static String worker;
  static final List<String> images = new ArrayList<>();

  @BeforeAll
  static void start(@TempDir Path tmp) throws Exception {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    web1 = registry.reference("drift/web", registry.pushImage("drift/web", "v1"));
    Path extra = Files.writeString(tmp.resolve("v2.txt"), "v2 " + RUN);
    web2 = registry.reference("drift/web", registry.pushImage("drift/web", "v2", extra));
    worker = registry.reference("drift/worker", registry.pushImage("drift/worker", "v1"));
    images.addAll(List.of(web1, web2, worker));
    docker = Docker.connect();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.docker("rm", "-f", BYSTANDER);
    }
    if (docker != null) {
      Teardown.run(docker, ENV);
      docker.close();
    }
    if (daemon != null) {
      images.forEach(ref -> daemon.docker("rmi", "-f", ref));
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }

    JsonNode item(String name) throws Exception {
      for (JsonNode i : json().get("environments").get(0).get("items")) {
        if (i.get("name").asText().equals(name)) {
          return i;
        }
      }
      throw new AssertionError("no item " + name + " in " + out);
    }
  }

  static Run drift(Path repo, String... more) {
    List<String> args = new ArrayList<>(List.of("drift", "--env", ENV, "--target", "local", "--repo", repo.toString()));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static String lockfile(String api) {
    return "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + ENV + "\nstacks: [apps]\nartefacts:\n"
        + artefact("api", api) + artefact("db", worker) + artefact("jobs", worker)
        + "config:\n  api:\n    MODE: {value: drill}\n    ECHO_VARS: {value: MODE}\n";
  }

  static String artefact(String name, String image) {
    return "  " + name + ":\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + image + "\n"
        + "    source: {repository: https://git.example.com/" + name + ", commit: abcdef0}\n";
  }

  static final String STACK = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: []\nservices:\n"
      + "  - {name: api, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 256, replicas: 1, config: api}\n"
      + "  - {name: db, artefact: db, port: 8080, health: /healthz, cpu: 256, memory: 256, replicas: 1}\n"
      + "  - {name: jobs, artefact: jobs, port: 8080, health: /healthz, cpu: 256, memory: 256, replicas: 1}\n";

  @Test
  void matchesAfterADrillThenNamesTheLiveRevisionAReplacedDigestAStoppedServiceAndNeverABystander(@TempDir Path repo)
      throws Exception {
    try (GitFixture git = GitFixture.init(repo)) {
      run(git, repo);
    }
  }

  private void run(GitFixture git, Path repo) throws Exception {
    git.put("environments/" + ENV + "/environment.lock.yaml", lockfile(web1)).put("stacks/apps.yaml", STACK);
    String first = git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + ENV);
    git.checkout();
    Estate estate = EstateReader.read(new WorkingTreeFiles(repo), ENV).value();
    assertThat(estate).isNotNull();
    var outcome = new LocalDrill(docker, ConfigResolver.none(), version -> {
      throw new IllegalStateException("no functions here");
    }, new DrillOptions(Duration.ofSeconds(60), 3, 20)).run(estate, first, "d1");
    assertThat(outcome.ok()).as(outcome.toString()).isTrue();

    Run matched = drift(repo);
    assertThat(matched.code()).as(matched.out() + matched.err()).isZero();
    assertThat(matched.out()).contains("MATCH       service api: " + web1)
        .contains("3 MATCH").contains(ENV + " runs the lockfile of 2026-11-01 10:00 UTC (" + first.substring(0, 7) + "), HEAD");

    git.put("environments/" + ENV + "/environment.lock.yaml", lockfile(web2));
    String second = git.commit(Instant.parse("2026-11-02T16:40:00Z"), "api v2");
    git.checkout();
    Run behind = drift(repo, "--output", "json");
    assertThat(behind.code()).as(behind.out() + behind.err()).isEqualTo(1);
    JsonNode env = behind.json().get("environments").get(0);
    assertThat(env.get("compared").get("commit").asText()).isEqualTo(second);
    assertThat(env.get("live").get("commit").asText()).isEqualTo(first);
    assertThat(env.get("live").get("behind").asInt()).isEqualTo(1);
    assertThat(env.get("summary").get("DRIFTED").asInt()).isEqualTo(1);
    assertThat(behind.item("api").get("status").asText()).isEqualTo("DRIFTED");
    assertThat(behind.item("api").get("lockfile").asText()).isEqualTo(web2);
    assertThat(behind.item("api").get("running").asText()).isEqualTo(web1);
    assertThat(env.get("headline").asText()).isEqualTo(ENV + " runs the lockfile of 2026-11-01 10:00 UTC ("
        + first.substring(0, 7) + "), 1 revision behind HEAD; api drifted");
    assertThat(drift(repo, "--at", "2026-11-01").code()).isZero();

    // by hand: db replaced by a container of another digest, jobs stopped, an unlabelled container beside them
    String db = Labels.container(ENV, "db", 1);
    daemon.docker("rm", "-f", db).orThrow();
    daemon.docker("run", "-d", "--name", db, "--label", Labels.ENV + "=" + ENV, "--label", Labels.SERVICE + "=db",
        "--network", Labels.network(ENV), web2).orThrow();
    daemon.docker("stop", "-t", "1", Labels.container(ENV, "jobs", 1)).orThrow();
    daemon.docker("run", "-d", "--name", BYSTANDER, web1).orThrow();

    Path junit = Files.createTempFile("drift", ".xml");
    Path markdown = Files.createTempFile("drift", ".md");
    Run hand = drift(repo, "--at", "HEAD~1", "--output", "json", "--report", "junit:" + junit,
        "--report", "markdown:" + markdown);
    assertThat(hand.code()).as(hand.out() + hand.err()).isEqualTo(1);
    assertThat(hand.item("db").get("status").asText()).isEqualTo("DRIFTED");
    assertThat(hand.item("db").get("lockfile").asText()).isEqualTo(worker);
    assertThat(hand.item("db").get("running").asText()).isEqualTo(web2);
    assertThat(hand.item("jobs").get("status").asText()).isEqualTo("NOT_RUNNING");
    assertThat(hand.item("api").get("status").asText()).isEqualTo("MATCH");
    assertThat(hand.json().get("environments").get(0).get("live").isNull()).isTrue();
    assertThat(hand.json().get("environments").get(0).get("items")).hasSize(3);
    assertThat(hand.out()).doesNotContain(BYSTANDER).doesNotContain("bystander");
    assertThat(daemon.docker("inspect", "-f", "{{.State.Running}}", BYSTANDER).orThrow().stdout().strip()).isEqualTo("true");
    assertThat(Files.readString(junit)).contains("tests=\"3\" failures=\"2\" errors=\"0\"")
        .contains("<failure type=\"DRIFTED\" message=\"db drifted\">").contains(web2);
    assertThat(Files.readString(markdown)).contains("| NOT_RUNNING | service | jobs |");

    Run text = drift(repo);
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out()).contains("DRIFTED     service db").contains("running:  " + web2)
        .contains(ENV + " runs none of its last 2 lockfile revision(s); api drifted, db drifted, jobs not running");

    // back on api's running image, but with config the running container was not given
    git.put("environments/" + ENV + "/environment.lock.yaml", lockfile(web1).replace("{value: drill}", "{value: other}"));
    git.commit(Instant.parse("2026-11-03T09:00:00Z"), "api config");
    git.checkout();
    Run config = drift(repo, "--output", "json");
    assertThat(config.code()).isEqualTo(1);
    assertThat(config.item("api").get("status").asText()).isEqualTo("DRIFTED");
    assertThat(config.item("api").get("running").asText()).isEqualTo(web1);
    assertThat(config.item("api").get("detail").asText()).contains("other config than the lockfile pins")
        .contains("salted hash");
    assertThat(config.out()).doesNotContain("other\"").doesNotContain("drill\"");
  }
}
