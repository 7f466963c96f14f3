package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.SlowTcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: a rebuild for AWS sent SIGTERM (a CI job cancelled, a pod evicted) while the engine
 * applies. The engine used to be left applying on its own after Phoenix had recorded
 * "interrupted" and released its lock, so a re-run could start beside it. Now Phoenix sends the
 * engine one SIGTERM (the engine runs in its own session, so a terminal's Ctrl-C does not reach it
 * twice), waits for it to stop and save its state, then records and releases; a re-run converges.
 * Real parts: a child JVM running the CLI, Terraform 1.11 with the AWS provider from
 * /opt/tf-plugins, moto behind a relay that slows the apply down so the signal lands mid-way.
 */
class InterruptedAwsApplyIT {
  static final Duration GIVE_UP = Duration.ofMinutes(4);
  static MotoServer moto;
  static SlowTcpProxy relay;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    relay = new SlowTcpProxy(moto.endpoint());
  }

  @AfterAll
  static void stop() {
    if (relay != null) {
      relay.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void sigtermStopsTheEngineBeforeTheLockIsReleasedAndAReRunConverges(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    MotoEstate estate = new MotoEstate(moto);
    estate.ssm.putParameter(b -> b.name("/prod/api/url").value("https://example.com").type("String"));
    String image = "    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: registry.example.com/app/api@sha256:"
        + "a".repeat(64) + "\n    source: {repository: https://git.example.com/api, commit: abcdef0}\n";
    String lock = "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks: [apps]\nartefacts:\n"
        + "  api:\n" + image + "config:\n  api:\n    URL: {ssm: /prod/api/url, version: 1}\n";
    String stack = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: []\nservices:\n"
        + "  - {name: api, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: api}\n"
        + "  - {name: worker, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 2}\n";
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/prod/environment.lock.yaml", lock).put("stacks/apps.yaml", stack);
      git.commit(java.time.Instant.parse("2026-10-20T09:00:00Z"), "pin prod");
      git.checkout();
    }

    Process first = child(repo, dir.resolve("first"), true);
    ProcessHandle apply = awaitEngine(first, "apply", dir.resolve("first"));
    relay.delay(Duration.ofMillis(400)); // the apply is under way: slow it down, then stop Phoenix mid-way
    // stop it once the engine has said one resource is created, with more still under way
    java.util.regex.Pattern complete = java.util.regex.Pattern.compile("(aws_[a-z0-9_]+)\\.([A-Za-z0-9_]+): Creation complete");
    String[] created = new String[2];
    awaitUntil(() -> {
      java.util.regex.Matcher m = complete.matcher(read(dir.resolve("first.err")));
      if (m.find()) {
        created[0] = m.group(1);
        created[1] = m.group(2);
      }
      return created[0] != null;
    }, first, dir.resolve("first"), "the apply to create a first resource");
    first.destroy(); // SIGTERM to the JVM only: the engine is in a session of its own
    assertThat(first.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("first.err"));
    assertThat(first.exitValue()).as(err).isEqualTo(143);
    assertThat(err).contains("interrupted: terraform apply stopped on SIGTERM", "interrupted: lock released");
    assertThat(apply.isAlive()).as("the engine is gone once Phoenix has exited").isFalse();
    Path work = repo.resolve(".phoenix");
    try (Stream<Path> files = Files.walk(work)) {
      assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain(".terraform.tfstate.lock.info");
    }
    try (Stream<Path> records = Files.walk(repo.resolve("drills"))) {
      String record = Files.readString(records.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
      assertThat(record).contains("\"interrupted\"", "terraform apply stopped on SIGTERM");
    }

    // a plan-only re-run takes the lock at once and reads the state the stopped engine saved: what it
    // had created is known there (not planned again). An apply could still meet a create that was on
    // the wire when the engine stopped and is not in the state (Terraform's own limit): it names it.
    relay.delay(Duration.ZERO);
    List<Path> states; // the local backend's state: <out>/state/<name prefix>.tfstate, and no other
    try (Stream<Path> files = Files.walk(work)) {
      states = files.filter(p -> p.toString().endsWith(".tfstate") && !p.toString().contains("/.terraform/")).toList();
    }
    String found = states.stream().map(p -> work.relativize(p) + " (" + size(p) + " bytes)").toList()
        + "\nengine's stderr:\n" + err;
    assertThat(states).as(found).hasSize(1);
    assertThat(states.get(0)).as(found).endsWith(Path.of("state", "shop-prod.tfstate"));
    assertThat(Files.readString(states.get(0))).as(found)
        .contains("\"type\": \"" + created[0] + "\",\n      \"name\": \"" + created[1] + "\"");
    Process again = child(repo, dir.resolve("again"), false);
    assertThat(again.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("again.out"));
    assertThat(again.exitValue()).as(out + Files.readString(dir.resolve("again.err"))).isZero();
    assertThat(out).contains("planned").doesNotContain("held by");
    assertThat(Files.readString(dir.resolve("again.err"))).doesNotContain(created[0] + "." + created[1] + " will be created");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static Process child(Path repo, Path log, boolean apply) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.phoenix.cli.Main",
        "rebuild", "--env", "prod", "--at", "2026-11-01", "--target", "aws", "--repo", repo.toString(),
        "--region", MotoEstate.REGION, "--account", "123456789012", "--name-prefix", "shop-prod",
        "--aws-endpoint", relay.endpoint().toString(), "--engine", "/usr/local/bin/terraform",
        "--provider-mirror", "/opt/tf-plugins", "--target-option", "emulator.waitForSteadyState=false",
        "--target-option", "emulator.ignoreUnstoredServiceFields=true", "--allow-unknown"));
    if (apply) {
      command.addAll(List.of("--apply", "--yes"));
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile())
        .redirectOutput(Path.of(log + ".out").toFile()).redirectError(Path.of(log + ".err").toFile());
    pb.environment().put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
    pb.environment().put("AWS_REGION", MotoEstate.REGION);
    return pb.start();
  }

  /** The engine process running {@code verb} under the child, once it is there (bounded wait). */
  private static ProcessHandle awaitEngine(Process parent, String verb, Path log) throws Exception {
    ProcessHandle[] found = {null};
    awaitUntil(() -> {
      Optional<ProcessHandle> engine = parent.descendants().filter(h -> h.info().arguments()
          .map(a -> a.length > 0 && a[0].equals(verb)).orElse(false)).findFirst();
      engine.ifPresent(h -> found[0] = h);
      return engine.isPresent();
    }, parent, log, "terraform " + verb + " to start");
    return found[0];
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done, Process parent, Path log, String what)
      throws Exception {
    long end = System.nanoTime() + GIVE_UP.toNanos();
    while (!done.getAsBoolean()) {
      if (!parent.isAlive() || System.nanoTime() > end) {
        parent.destroyForcibly();
        throw new AssertionError("waited for " + what + "; phoenix " + (parent.isAlive() ? "still runs" : "ended "
            + parent.exitValue()) + "; stderr:\n" + Files.readString(Path.of(log + ".err"))
            + "\nstdout:\n" + Files.readString(Path.of(log + ".out")));
      }
      Thread.sleep(100);
    }
  }
}
