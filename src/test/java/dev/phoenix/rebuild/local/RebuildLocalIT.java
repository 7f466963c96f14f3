package dev.phoenix.rebuild.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.cli.Main;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix rebuild --target local} end to end: a Git repository, an image in a loopback
 * registry, config pinned in moto's SSM and Secrets Manager, a Lambda package in moto's S3; then
 * {@code phoenix teardown}. A canary secret must reach the container and nothing else.
 */
class RebuildLocalIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String ENV = "itcli" + RUN;
  static final String CANARY = "canary-" + UUID.randomUUID();
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static MotoServer moto;
  static String image;
  static AwsFixtures aws;

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    image = registry.reference("cli/web", registry.pushImage("cli/web", "v1"));
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
    aws = new AwsFixtures(moto.endpoint(), MotoServer.REGION);
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      run("teardown", "--env", ENV, "--target", "local");
      daemon.docker("rmi", "-f", String.valueOf(image));
    }
    for (AutoCloseable c : new AutoCloseable[] {aws, moto, registry, daemon}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  @Test
  void rebuildsLocallyWithPinnedConfigReusesOnReRunAndTearsDownWithoutLeakingTheSecret(@TempDir Path tmp)
      throws Exception {
    long dbVersion = aws.putParameter("/" + ENV + "/db-url", "postgres://db-v1");
    aws.putParameter("/" + ENV + "/db-url", "postgres://db-v2"); // a later version must not be used
    String secretVersion = aws.createSecret(ENV + "/api-key", CANARY);
    aws.putSecretValue(ENV + "/api-key", "newer-" + CANARY);
    byte[] zip = ("fake lambda package " + RUN).getBytes(StandardCharsets.UTF_8);
    String zipVersion = aws.putVersionedObject("packages-" + RUN, "report.zip", zip);
    String zipSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));

    Path repo = tmp.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/" + ENV + "/environment.lock.yaml", lockfile(dbVersion, secretVersion, zipVersion, zipSha))
          .put("stacks/web.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: web\ndependsOn: []\nservices:\n"
              + "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: web}\n")
          .put("stacks/jobs.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: jobs\ndependsOn: [web]\nfunctions:\n"
              + "  - {name: report, artefact: report, handler: app.Handler, runtime: java17, memory: 256}\n");
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + ENV);
      git.checkout();
    }
    String[] rebuild = {"rebuild", "--repo", repo.toString(), "--env", ENV, "--at", "2026-11-01", "--target", "local",
        "--insecure-registry", registry.hostPort(), "--aws-endpoint", moto.endpoint().toString(), "--region", MotoServer.REGION,
        "--out", tmp.resolve("out").toString(), "--drills", tmp.resolve("drills").toString()};

    Result first = run(rebuild);
    System.out.println(first.all()); // for the failsafe report; the canary check below covers it
    assertThat(first.code).as(first.all()).isZero();
    assertThat(first.err).contains("[preflight]").contains("local: web healthy").contains("report available, not executed")
        .contains("recovery time");
    String container = Labels.container(ENV, "web", 1);
    String port = daemon.docker("port", container, "8080").orThrow().stdout().strip();
    assertThat(port).startsWith("127.0.0.1:");
    String env = daemon.docker("exec", container, "wget", "-q", "-O", "-", "http://127.0.0.1:8080/cgi-bin/env")
        .orThrow().stdout();
    assertThat(env).contains("DB_URL=postgres://db-v1").contains("API_KEY=" + CANARY + "\n").contains("MODE=drill");

    Result second = run(rebuild);
    assertThat(second.code).as(second.all()).isZero();
    assertThat(second.err).contains("1 reused");
    assertThat(daemon.docker("ps", "-q", "--filter", "name=" + container).orThrow().stdout()).isNotBlank();

    List<Path> records = files(tmp.resolve("drills"));
    assertThat(records).hasSize(2);
    String record = Files.readString(records.get(0));
    assertThat(record).contains("\"target\" : \"local\"").contains("\"outcome\" : \"succeeded\"").contains("web healthy")
        .contains("\"mode\" : \"apply\"");
    String drillLabel = daemon.docker("inspect", "-f", "{{index .Config.Labels \"phoenix.drill\"}}", container)
        .orThrow().stdout().strip();
    assertThat(records).anySatisfy(r -> assertThat(r.getFileName().toString()).endsWith("-" + drillLabel + ".json"));

    String logs = daemon.docker("logs", container).stdout() + daemon.docker("logs", container).stderr();
    assertThat(logs).contains("listening on :8080").doesNotContain(CANARY);

    Result down = run("teardown", "--env", ENV, "--target", "local");
    assertThat(down.code).isZero();
    assertThat(down.out).contains("removed 1 container(s)").contains("network phoenix-" + ENV);
    assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=phoenix.env=" + ENV).orThrow().stdout()).isBlank();
    assertThat(daemon.docker("network", "ls", "-q", "--filter", "label=phoenix.env=" + ENV).orThrow().stdout()).isBlank();

    StringBuilder everything = new StringBuilder(first.all()).append(second.all()).append(down.all());
    for (Path f : files(tmp)) {
      if (!f.startsWith(repo.resolve(".git"))) {
        everything.append(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(everything.toString()).contains(ENV).doesNotContain(CANARY);
  }

  @Test
  void aDigestDeletedFromTheRegistryStopsAtPreflightBeforeAnythingStarts(@TempDir Path tmp) {
    String env = ENV + "-gone";
    String digest = registry.pushImage("cli/gone", "v1");
    registry.deleteManifest("cli/gone", digest);
    Path repo = tmp.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/" + env + "/environment.lock.yaml", "apiVersion: phoenix/v1\nkind: EnvironmentLock\n"
              + "environment: " + env + "\nstacks: [web]\nartefacts:\n  web:\n    type: container-image\n"
              + "    version: 1.0.0-1-abcdef0\n    image: " + registry.reference("cli/gone", digest) + "\n"
              + "    source: {repository: https://git.example.com/web, commit: abcdef0}\n")
          .put("stacks/web.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: web\ndependsOn: []\nservices:\n"
              + "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n");
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + env);
      git.checkout();
    }
    Result r = run("rebuild", "--repo", repo.toString(), "--env", env, "--target", "local",
        "--insecure-registry", registry.hostPort(), "--out", tmp.resolve("out").toString(),
        "--drills", tmp.resolve("drills").toString());
    try {
      assertThat(r.code).as(r.all()).isEqualTo(1);
      assertThat(r.out).contains("stopped-at-preflight").contains("MISSING");
      assertThat(r.err).doesNotContain("local: Docker");
      assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=phoenix.env=" + env).orThrow().stdout()).isBlank();
      assertThat(daemon.docker("network", "ls", "-q", "--filter", "label=phoenix.env=" + env).orThrow().stdout()).isBlank();
    } finally {
      run("teardown", "--env", env, "--target", "local");
    }
  }

  private static String lockfile(long dbVersion, String secretVersion, String zipVersion, String zipSha) {
    return "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + ENV + "\nstacks: [web, jobs]\n"
        + "artefacts:\n"
        + "  web:\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + image + "\n"
        + "    source: {repository: https://git.example.com/web, commit: abcdef0}\n"
        + "  report:\n    type: lambda-package\n    version: 1.0.0-1-abcdef0\n"
        + "    s3: {bucket: packages-" + RUN + ", key: report.zip, versionId: " + zipVersion + ", sha256: " + zipSha + "}\n"
        + "    source: {repository: https://git.example.com/report, commit: abcdef0}\n"
        + "config:\n  web:\n"
        + "    ECHO_VARS: {value: DB_URL API_KEY MODE}\n"
        + "    DB_URL: {ssm: /" + ENV + "/db-url, version: " + dbVersion + "}\n"
        + "    API_KEY: {secret: " + ENV + "/api-key, versionId: " + secretVersion + "}\n"
        + "    MODE: {value: drill}\n";
  }

  record Result(int code, String out, String err) {
    String all() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
