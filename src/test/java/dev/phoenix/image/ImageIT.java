package dev.phoenix.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.Servers;
import dev.phoenix.verify.Lockfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The container image, end to end with real parts: {@code scripts/build-image} builds it with Jib
 * into a real registry (base built from this machine's JDK and Debian's libraries), the real Docker
 * daemon pulls it and runs it as its non-root user on a read-only root filesystem, with a Git
 * repository mounted read-only, against that registry and moto, as a nightly job would.
 */
class ImageIT {
  static final Duration BUILD = Duration.ofMinutes(15);
  static final Duration RUN = Duration.ofMinutes(3);
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static DockerDaemon docker;
  static LocalRegistry registry;
  static MotoServer moto;
  static String version;
  static String image;
  @TempDir Path dir;

  @BeforeAll
  static void buildAndPull() throws IOException {
    docker = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    version = Files.readString(Servers.projectRoot().resolve("target/phoenix.version.txt")).strip();
    image = buildImage();
    assertThat(image).matches("127\\.0\\.0\\.1:" + registry.port() + "/phoenix/phoenix:"
        + version.replace(".", "\\.") + "@sha256:[0-9a-f]{64}");
    assertThat(Files.readString(Servers.projectRoot().resolve("target/phoenix-" + version + ".image")).strip())
        .isEqualTo(image);
    dockerCli("pull", "-q", image).orThrow();
  }

  @AfterAll
  static void stop() {
    if (image != null) {
      Exec.run(RUN, docker.cli(), "rmi", "-f", image);
    }
    if (registry != null) {
      registry.close();
    }
  }

  static String buildImage() {
    Exec.Result build = Exec.run(BUILD, List.of(Servers.projectRoot().resolve("scripts/build-image").toString(),
        "--registry", registry.hostPort()), Map.of());
    assertThat(build.exitCode()).as(build.stderr()).isZero();
    return build.stdout().strip();
  }

  static Exec.Result dockerCli(String... args) {
    List<String> command = new ArrayList<>(List.of(docker.cli()));
    command.addAll(List.of(args));
    return Exec.run(RUN, command, Map.of());
  }

  @Test
  void aSecondBuildGivesTheSameDigest() {
    assertThat(buildImage()).isEqualTo(image);
  }

  @Test
  void itRunsAsANonRootUserOnAReadOnlyRootWithItsClassDataSharingArchive() {
    assertThat(dockerCli("image", "inspect", "--format", "{{.Config.User}} {{.Config.WorkingDir}}", image)
        .orThrow().stdout().strip()).isEqualTo("65532:65532 /repo");
    assertThat(dockerCli("image", "inspect", "--format",
        "{{index .Config.Labels \"org.opencontainers.image.version\"}}", image).orThrow().stdout().strip())
        .isEqualTo(version);

    Exec.Result plain = dockerCli("run", "--rm", "--read-only", "--network", "none", image, "--version");
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(plain.stdout().strip()).isEqualTo("phoenix " + version);
    // -Xshare:on makes the JVM refuse to start unless the baked archive matches this class path
    Exec.Result shared = dockerCli("run", "--rm", "--read-only", "--network", "none",
        "-e", "JAVA_TOOL_OPTIONS=-Xshare:on", image, "--version");
    assertThat(shared.exitCode()).as(shared.toString()).isZero();
    assertThat(shared.stdout().strip()).isEqualTo("phoenix " + version);
    Exec.Result whoami = dockerCli("run", "--rm", "--read-only", "--network", "none", "--entrypoint",
        "/opt/java/bin/java", image, "-XshowSettings:properties", "-version");
    assertThat(whoami.stderr()).contains("user.name = phoenix").contains("java.version = 17.");
  }

  @Test
  void cdktfStaysOffTheClassPathAndIsNamedForTheSynthesisEngineAlone() throws IOException {
    String container = dockerCli("create", image).orThrow().stdout().strip();
    try {
      dockerCli("cp", container + ":/app/phoenix.args", dir.toString()).orThrow();
    } finally {
      dockerCli("rm", "-f", container);
    }
    List<String> words = List.of(Files.readString(dir.resolve("phoenix.args")).strip().split("\\s+"));
    String classPath = words.get(words.indexOf("-cp") + 1);
    String enginePath = words.stream().filter(w -> w.startsWith("-Dphoenix.cdktf.path=")).findFirst()
        .orElseThrow(() -> new AssertionError("no -Dphoenix.cdktf.path in " + words)).substring(21);
    assertThat(classPath.split(":")).hasSizeGreaterThan(20)
        .noneMatch(jar -> jar.matches(".*/(cdktf|constructs|jsii)[^/]*\\.jar"));
    assertThat(enginePath.split(":")).allMatch(jar -> jar.startsWith("/app/libs/"))
        .anyMatch(jar -> jar.matches("/app/libs/cdktf-[0-9][^/]*\\.jar"))
        .anyMatch(jar -> jar.matches("/app/libs/jsii-runtime-[^/]*\\.jar"));
    // the JVM finds CDKTF's App with the engine's jars before the class path (as the engine's loader
    // sees them: its own, then its parent's), and stops at its missing main; not on the class path alone
    Exec.Result onEngine = dockerCli("run", "--rm", "--network", "none", "--entrypoint", "/opt/java/bin/java",
        image, "-cp", enginePath + ":" + classPath, "com.hashicorp.cdktf.App");
    assertThat(onEngine.stderr()).as(onEngine.toString()).contains("Main method not found in class com.hashicorp.cdktf.App");
    Exec.Result onCommands = dockerCli("run", "--rm", "--network", "none", "--entrypoint", "/opt/java/bin/java",
        image, "-cp", classPath, "com.hashicorp.cdktf.App");
    assertThat(onCommands.stderr()).as(onCommands.toString())
        .contains("Could not find or load main class com.hashicorp.cdktf.App");
  }

  @Test
  void theNightlyVerifyRunsAgainstAMountedRepositoryAndWritesItsReports() throws Exception {
    String digest = registry.pushSyntheticImage("shop/web", "1.0.0-1-abcdef0", "web".getBytes());
    String reference = registry.reference("shop/web", digest);
    long ssmVersion;
    try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY))).build()) {
      ssmVersion = ssm.putParameter(b -> b.name("/image-it/db").value("db-url").type(ParameterType.STRING)
          .overwrite(true)).version();
    }
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/nightly/environment.lock.yaml", Lockfiles.lockfile("nightly", Map.of("app", reference), "",
          "  app:\n    DB: {ssm: /image-it/db, version: " + ssmVersion + "}\n"));
      git.commit(NOW.minus(Duration.ofDays(3)), "pin web");
    }
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    openForOthers(dir);
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));

    Exec.Result ok = verify(repo, out, List.of("--tmpfs", "/tmp"));
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.stdout()).contains("nightly: restorable at every point");
    assertThat(Files.readString(out.resolve("verify.json"))).contains("\"environment\" : \"nightly\"")
        .contains(reference);
    assertThat(Files.readString(out.resolve("verify.xml"))).contains("<testsuite").doesNotContain("<failure");

    // the image is gone from the registry: the same job, as an arbitrary uid with no writable /tmp at all
    registry.deleteManifest("shop/web", digest);
    Exec.Result broken = verify(repo, out, List.of("--user", "4242:4242"));
    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.stdout()).contains("nightly:").contains("MISSING");
    assertThat(Files.readString(out.resolve("verify.json"))).contains("MISSING").contains(reference);
    assertThat(Files.readString(out.resolve("verify.xml"))).contains("<failure");
  }

  private Exec.Result verify(Path repo, Path out, List<String> runOptions) {
    List<String> args = new ArrayList<>(List.of("run", "--rm", "--read-only", "--network", "host",
        "-v", repo + ":/repo:ro", "-v", out + ":/out",
        "-e", "AWS_ENDPOINT_URL=" + moto.endpoint(), "-e", "AWS_REGION=" + MotoServer.REGION,
        "-e", "AWS_ACCESS_KEY_ID=" + MotoServer.ACCESS_KEY, "-e", "AWS_SECRET_ACCESS_KEY=" + MotoServer.SECRET_KEY));
    args.addAll(runOptions);
    args.addAll(List.of(image, "verify", "--all-envs", "--since", "30d",
        "--report", "json:/out/verify.json", "--report", "junit:/out/verify.xml"));
    return dockerCli(args.toArray(String[]::new));
  }

  /** @TempDir is 0700: let the container's user read the repository and reach the out dir. */
  private static void openForOthers(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
