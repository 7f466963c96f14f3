package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Region loss, end to end on real servers: a two-revision history mirrored into eu-central-1 by
 * {@code phoenix mirror --yes}; then the primary registry is stopped and the primary region's S3
 * objects, SSM parameters and secrets are deleted. {@code verify --region} is all OK, {@code
 * rebuild --region --target local} at the oldest date runs the exact digests from the mirror
 * registry with the pinned config values; a copy deleted in the mirror and a reference the ledger
 * lacks are MISSING there and the rebuild is refused naming both.
 */
class RegionRebuildIT {
  static final String MIRROR = "eu-central-1";
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String ENV = "rgn" + RUN;
  static final String BUCKET = "art-use1-" + RUN;
  static final String MIRROR_BUCKET = "art-euc1-" + RUN;
  static final String CANARY = "canary-" + RUN + "-";
  static DockerDaemon daemon;
  static LocalRegistry primary;
  static LocalRegistry mirror;
  static MotoServer moto;
  static AwsSeed seed;
  static S3Client s3Mirror;
  static SsmClient ssmMirror;
  static SecretsManagerClient secretsMirror;
  @TempDir static Path dir;
  static final String[] IMAGE = new String[2];
  static final String[] OBJECT = new String[2];
  static final String[] SHA = new String[2];
  static final long[] PARAM = new long[2];
  static final String[] SECRET = new String[2];
  static final Instant NOW = Instant.now();
  static final Instant[] AT = {NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(10))};

  @BeforeAll
  static void estate() throws Exception {
    daemon = DockerDaemon.ensureRunning();
    primary = LocalRegistry.start();
    mirror = LocalRegistry.start();
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    AwsConfig mirrorConfig = seed.config.withRegion(MIRROR);
    s3Mirror = AwsClients.build(S3Client.builder().forcePathStyle(true), mirrorConfig);
    ssmMirror = AwsClients.build(SsmClient.builder(), mirrorConfig);
    secretsMirror = AwsClients.build(SecretsManagerClient.builder(), mirrorConfig);
    seed.bucket(BUCKET, true, false);
    s3Mirror.createBucket(b -> b.bucket(MIRROR_BUCKET).createBucketConfiguration(c -> c.locationConstraint(MIRROR)));
    s3Mirror.putBucketVersioning(b -> b.bucket(MIRROR_BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    try (GitFixture git = GitFixture.init(dir)) {
      for (int i = 0; i < 2; i++) {
        Path extra = dir.resolveSibling("extra-" + RUN + "-" + i + ".txt");
        Files.writeString(extra, "revision " + i);
        IMAGE[i] = primary.pushImage("region/web", "r" + i, extra);
        String content = "package " + i + " " + RUN;
        OBJECT[i] = seed.put(BUCKET, "report.zip", content);
        SHA[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        PARAM[i] = seed.parameter("/" + ENV + "/db-url", "postgres://db/" + i);
        SECRET[i] = seed.secret(ENV + "/api-key", CANARY + i);
        git.put("environments/" + ENV + "/environment.lock.yaml", lockfile(i));
        if (i == 0) {
          git.put("environments/" + ENV + "/regions.yaml", """
              apiVersion: phoenix/v1
              kind: Regions
              primary: us-east-1
              mirrors:
                eu-central-1:
                  registries: {"%s": "%s"}
                  buckets: {%s: %s}
              """.formatted(primary.hostPort(), mirror.hostPort(), BUCKET, MIRROR_BUCKET))
              .put("stacks/web.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: web\ndependsOn: []\nservices:\n"
                  + "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: web}\n")
              .put("stacks/jobs.yaml", "apiVersion: phoenix/v1\nkind: Stack\nname: jobs\ndependsOn: [web]\nfunctions:\n"
                  + "  - {name: report, artefact: report, handler: app.Handler, runtime: java17, memory: 256}\n");
        }
        git.commit(AT[i], ENV + " revision " + i);
      }
      git.checkout();
    }
  }

  static String lockfile(int i) {
    return "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + ENV + "\nstacks: [web, jobs]\n"
        + "artefacts:\n"
        + "  web:\n    type: container-image\n    version: 1.0." + i + "-1-abcdef0\n"
        + "    image: " + primary.hostPort() + "/region/web@" + IMAGE[i] + "\n"
        + "  report:\n    type: lambda-package\n    version: 1.0." + i + "-1-abcdef0\n"
        + "    s3: {bucket: " + BUCKET + ", key: report.zip, versionId: " + OBJECT[i] + ", sha256: " + SHA[i] + "}\n"
        + "config:\n  web:\n"
        + "    ECHO_VARS: {value: DB_URL API_KEY}\n"
        + "    DB_URL: {ssm: /" + ENV + "/db-url, version: " + PARAM[i] + "}\n"
        + "    API_KEY: {secret: " + ENV + "/api-key, versionId: " + SECRET[i] + "}\n";
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      RepoRun.in(dir, "teardown", "--env", ENV, "--target", "local");
      for (String digest : IMAGE) {
        if (digest != null) {
          daemon.docker("rmi", "-f", mirror.hostPort() + "/region/web@" + digest);
          daemon.docker("rmi", "-f", primary.hostPort() + "/region/web@" + digest);
        }
      }
    }
    for (AutoCloseable c : new AutoCloseable[] {s3Mirror, ssmMirror, secretsMirror, seed, moto, mirror, primary, daemon}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  static String[] aws(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--aws-endpoint", moto.endpoint().toString()));
    return all.toArray(String[]::new);
  }

  static RepoRun rebuild(String at, Path out) {
    return RepoRun.in(dir, aws("rebuild", "--env", ENV, "--at", at, "--target", "local", "--region", MIRROR,
        "--out", out.resolve("out").toString(), "--drills", out.resolve("drills").toString()));
  }

  @Test
  void theMirrorAloneVerifiesAndRebuildsTheOldestPointWithTheExactDigestsAndConfig(@TempDir Path tmp) throws Exception {
    // before any copy: every reference lives in the primary region only
    RepoRun alone = RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d", "--strict"));
    assertThat(alone.code()).as(alone.err() + alone.out()).isEqualTo(1);
    assertThat(alone.out()).contains("warning: 8 references AT_RISK")
        .contains("only in the primary region us-east-1: not mirrored to eu-central-1");
    assertThat(RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d")).code()).isZero(); // a warning only

    RepoRun copied = RepoRun.in(dir, "mirror", "--env", ENV, "--to", MIRROR, "--since", "400d", "--yes",
        "--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION);
    assertThat(copied.code()).as(copied.err() + copied.out()).isZero();
    assertThat(copied.out()).contains("2 revisions");
    RepoRun covered = RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d", "--strict"));
    assertThat(covered.code()).as(covered.err() + covered.out()).isZero();
    assertThat(covered.out()).doesNotContain("AT_RISK");

    // protect --region marks the copies, in the mirror region's stores
    RepoRun protect = RepoRun.in(dir, "protect", "--env", ENV, "--since", "400d", "--region", MIRROR, "--yes",
        "--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION);
    assertThat(protect.code()).as(protect.err() + protect.out()).isZero();
    var history = ssmMirror.getParameterHistory(b -> b.name("/" + ENV + "/db-url")).parameters();
    assertThat(history).hasSize(2).allSatisfy(v -> assertThat(v.labels())
        .anySatisfy(l -> assertThat(l).startsWith("phoenix-keep-" + ENV)));
    for (String digest : IMAGE) {
      assertThat(mirror.accessLog()).anyMatch(l -> l.contains("PUT /v2/region/web/manifests/phoenix-keep-" + ENV + "-"
          + digest.substring(7, 19)));
    }
    assertThat(seed.ssm.getParameterHistory(b -> b.name("/" + ENV + "/db-url")).parameters())
        .allSatisfy(v -> assertThat(v.labels()).noneMatch(l -> l.startsWith("phoenix-keep-"))); // the primary untouched

    // region loss: the primary registry is gone, and so are the primary region's objects, parameters, secrets
    primary.close();
    seed.s3.listObjectVersions(b -> b.bucket(BUCKET)).versions()
        .forEach(v -> seed.s3.deleteObject(b -> b.bucket(BUCKET).key(v.key()).versionId(v.versionId())));
    seed.ssm.deleteParameter(b -> b.name("/" + ENV + "/db-url"));
    seed.secrets.deleteSecret(b -> b.secretId(ENV + "/api-key").forceDeleteWithoutRecovery(true));

    Path json = tmp.resolve("verify.json");
    Path junit = tmp.resolve("verify.xml");
    Path markdown = tmp.resolve("verify.md");
    RepoRun verify = RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d", "--region", MIRROR,
        "--report", "json:" + json, "--report", "junit:" + junit, "--report", "markdown:" + markdown));
    assertThat(verify.code()).as(verify.err() + verify.out()).isZero();
    assertThat(verify.out()).contains(ENV + " in " + MIRROR + ": restorable at every point since").doesNotContain("not mirrored");
    JsonNode report = Json.mapper().readTree(Files.readString(json));
    assertThat(report.path("region").asText()).isEqualTo(MIRROR);
    assertThat(report.path("environments").get(0).path("region").asText()).isEqualTo(MIRROR);
    assertThat(report.path("counts").path("OK").asInt()).isEqualTo(8);
    assertThat(Files.readString(junit)).contains("testsuite name=\"" + ENV + " in " + MIRROR + "\"");
    assertThat(Files.readString(markdown)).contains("## " + ENV + " in " + MIRROR);

    // the oldest point, rebuilt in the mirror region only
    String oldest = AT[0].atOffset(ZoneOffset.UTC).toLocalDate().toString();
    RepoRun rebuilt = rebuild(oldest, tmp);
    System.out.println(rebuilt.err() + rebuilt.out());
    assertThat(rebuilt.code()).as(rebuilt.err() + rebuilt.out()).isZero();
    assertThat(rebuilt.err()).contains("copies in " + MIRROR).contains("local: web healthy");
    assertThat(rebuilt.out()).contains("rebuild " + ENV + " --target local at " + oldest + " in " + MIRROR + ": succeeded");
    String container = Labels.container(ENV, "web", 1);
    String imageId = daemon.docker("inspect", "-f", "{{.Image}}", container).orThrow().stdout().strip();
    String repoDigests = daemon.docker("image", "inspect", "-f", "{{json .RepoDigests}}", imageId).orThrow().stdout();
    assertThat(repoDigests).contains(mirror.hostPort() + "/region/web@" + IMAGE[0]);
    String env = daemon.docker("exec", container, "wget", "-q", "-O", "-", "http://127.0.0.1:8080/cgi-bin/env")
        .orThrow().stdout();
    assertThat(env).contains("DB_URL=postgres://db/0").contains("API_KEY=" + CANARY + "0\n");
    String record = Files.readString(records(tmp.resolve("drills")).get(0));
    assertThat(record).contains("\"region\" : \"" + MIRROR + "\"").contains("\"outcome\" : \"succeeded\"")
        .contains(mirror.hostPort() + "/region/web@" + IMAGE[0]).contains(MIRROR_BUCKET).doesNotContain(CANARY);
    assertThat(RepoRun.in(dir, "teardown", "--env", ENV, "--target", "local").code()).isZero();

    // --target aws synthesizes the mirror region's locators only, and Terraform plans them against
    // moto's mirror region (the primary's stores are gone: nothing of the plan may need them)
    Path awsOut = tmp.resolve("aws");
    // (a child JVM: the engine takes its AWS credentials from the environment, which this JVM cannot set)
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.phoenix.cli.Main"));
    command.addAll(List.of(aws("rebuild", "--env", ENV, "--at", oldest, "--target", "aws", "--region", MIRROR,
        "--account", "123456789012", "--engine", "/usr/local/bin/terraform", "--provider-mirror", "/opt/tf-plugins",
        "--out", awsOut.toString(), "--drills", tmp.resolve("aws-drills").toString(), "--repo", dir.toString())));
    dev.phoenix.testsupport.Exec.Result synth = dev.phoenix.testsupport.Exec.run(java.time.Duration.ofMinutes(5), command,
        java.util.Map.of("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
            "HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH")));
    assertThat(synth.exitCode()).as(synth.toString()).isZero();
    assertThat(synth.stdout()).as(synth.toString()).contains("planned");
    assertThat(synth.stderr()).contains("Plan: ").doesNotContain("us-east-1");
    Path synthesized = awsOut.resolve(ENV + "/aws/stacks/environment/cdk.tf.json");
    assertThat(synthesized).as(synth.toString()).exists();
    String tf = Files.readString(synthesized);
    assertThat(tf).contains(mirror.hostPort() + "/region/web@" + IMAGE[0]).contains(MIRROR_BUCKET)
        .doesNotContain(primary.hostPort()).doesNotContain(BUCKET).doesNotContain("us-east-1");

    // a copy whose bytes changed in the mirror: CORRUPT under --deep (a shallow check sees the manifest only)
    Path blobs = mirror.storageDir().resolve("docker/registry/v2/blobs/sha256");
    JsonNode manifest = Json.mapper().readTree(Files.readString(blobs.resolve(IMAGE[0].substring(7, 9))
        .resolve(IMAGE[0].substring(7)).resolve("data")));
    String layer = manifest.path("layers").get(manifest.path("layers").size() - 1).path("digest").asText().substring(7);
    Path layerData = blobs.resolve(layer.substring(0, 2)).resolve(layer).resolve("data");
    byte[] original = Files.readAllBytes(layerData);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 1;
    Files.write(layerData, changed);
    RepoRun deep = RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d", "--region", MIRROR, "--deep"));
    assertThat(deep.code()).as(deep.err() + deep.out()).isEqualTo(1);
    assertThat(deep.out()).contains("CORRUPT").contains("copy " + mirror.hostPort() + "/region/web@" + IMAGE[0].substring(0, 19));
    Files.write(layerData, original);

    // a copy deleted in the mirror, and a reference the ledger no longer records
    mirror.deleteManifest("region/web", IMAGE[1]);
    Path ledger = dir.resolve("environments/" + ENV + "/mirrors.ledger");
    String ssmSource = "ssm:/" + ENV + "/db-url:" + PARAM[1];
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, lines.stream().filter(l -> !(l.split(" ").length > 2 && l.split(" ")[2].equals(ssmSource))).toList());
    assertThat(Files.readAllLines(ledger)).hasSize(lines.size() - 1);

    RepoRun broken = RepoRun.in(dir, aws("verify", "--env", ENV, "--since", "400d", "--region", MIRROR));
    assertThat(broken.code()).as(broken.err() + broken.out()).isEqualTo(1);
    assertThat(broken.out()).contains(ENV + " in " + MIRROR + ": restorable at every point since")
        .contains(" except ").contains("(1 reference not mirrored)")
        .contains(mirror.hostPort() + "/region/web@" + IMAGE[1].substring(0, 19))
        .contains("not mirrored: run phoenix mirror --env " + ENV + " --to " + MIRROR);

    RepoRun refused = rebuild("HEAD", tmp.resolve("second"));
    assertThat(refused.code()).as(refused.err() + refused.out()).isEqualTo(1);
    assertThat(refused.out()).contains("stopped-at-preflight")
        .contains("preflight MISSING: " + mirror.hostPort() + "/region/web@" + IMAGE[1])
        .contains("preflight MISSING: " + ssmSource + " — not mirrored: run phoenix mirror --env " + ENV + " --to " + MIRROR)
        .contains("1 without a copy there: " + ssmSource);
    assertThat(refused.err()).doesNotContain("local: Docker");
    assertThat(daemon.docker("ps", "-a", "-q", "--filter", "label=phoenix.env=" + ENV).orThrow().stdout()).isBlank();
    assertThat(verify.out() + verify.err() + broken.out() + refused.out() + refused.err()).doesNotContain(CANARY);
  }

  static List<Path> records(Path drills) throws Exception {
    try (Stream<Path> s = Files.walk(drills)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
