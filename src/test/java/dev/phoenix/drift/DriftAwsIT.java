package dev.phoenix.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.cli.Main;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** {@code phoenix drift --target aws} against ECS and Lambda in moto. */
class DriftAwsIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String ENV = "itdriftaws" + RUN;
  static final String HOST = "registry.example.com";
  static final String API = "sha256:" + "a".repeat(64);
  static final String DB = "sha256:" + "b".repeat(64);
  static final String DB_RUNNING = "sha256:" + "c".repeat(64);
  static final String JOBS = "sha256:" + "d".repeat(64);
  static final String V1 = UUID.randomUUID().toString();
  static final String V2 = UUID.randomUUID().toString();
  static MotoServer moto;
  static EcsClient ecs;
  static LambdaClient lambda;
  static IamClient iam;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    ecs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
        .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
    lambda = LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
        .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
    iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {ecs, lambda, iam, moto}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  static String secretArn() {
    return "arn:aws:secretsmanager:" + MotoServer.REGION + ":123456789012:secret:" + ENV + "/api-key-AbCdEf";
  }

  static void service(String name, String image, int count, List<Secret> secrets) {
    String arn = ecs.registerTaskDefinition(b -> b.family(ENV + "-" + name).containerDefinitions(
        ContainerDefinition.builder().name(name).image(image).memory(256).secrets(secrets).build()))
        .taskDefinition().taskDefinitionArn();
    ecs.createService(b -> b.cluster(ENV).serviceName(name).taskDefinition(arn).desiredCount(count));
  }

  static byte[] zip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("app.py"));
      z.write(text.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  record Run(int code, String out, String err) {
    JsonNode item(String name) throws Exception {
      for (JsonNode i : Json.mapper().readTree(out).get("environments").get(0).get("items")) {
        if (i.get("name").asText().equals(name)) {
          return i;
        }
      }
      throw new AssertionError("no item " + name + " in " + out);
    }
  }

  static Run drift(Path repo) {
    List<String> args = new ArrayList<>(List.of("drift", "--env", ENV, "--target", "aws", "--repo", repo.toString(),
        "--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION, "--output", "json"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void ecsDigestsTagsSecretVersionsAndLambdaCodeAreComparedWithTheLockfile(@TempDir Path repo) throws Exception {
    byte[] code1 = zip("def handler(e, c): return 1\n");
    byte[] code2 = zip("def handler(e, c): return 2\n");
    String lock = "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: " + ENV + "\nstacks: [apps]\nartefacts:\n"
        + image("api", API) + image("db", DB) + image("jobs", JOBS)
        + "  report:\n    type: lambda-package\n    version: 1.0.0-1-abcdef0\n"
        + "    s3: {bucket: packages-" + RUN + ", key: report.zip, versionId: v1, sha256: " + sha256(code1) + "}\n"
        + "    source: {repository: https://git.example.com/report, commit: abcdef0}\n"
        + "config:\n  api:\n    API_KEY: {secret: " + ENV + "/api-key, versionId: " + V1 + "}\n";
    String stack = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: []\nservices:\n"
        + "  - {name: api, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: api}\n"
        + "  - {name: db, artefact: db, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n"
        + "  - {name: jobs, artefact: jobs, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 2}\n"
        + "functions:\n  - {name: report, artefact: report, handler: app.handler, runtime: python3.12, memory: 256}\n";
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/" + ENV + "/environment.lock.yaml", lock).put("stacks/apps.yaml", stack);
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "pin " + ENV);
      git.checkout();
    }

    ecs.createCluster(b -> b.clusterName(ENV));
    Secret pinned = Secret.builder().name("API_KEY").valueFrom(secretArn() + "::AWSCURRENT:" + V1).build();
    service("api", HOST + "/drift/api@" + API, 1, List.of(pinned));
    service("db", HOST + "/drift/db@" + DB_RUNNING, 1, List.of());
    service("jobs", HOST + "/drift/jobs:latest", 2, List.of());
    service("extra", HOST + "/drift/extra@" + API, 1, List.of());
    String role = iam.createRole(b -> b.roleName("drift-" + RUN).assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
    lambda.createFunction(b -> b.functionName(ENV + "-report").runtime(Runtime.PYTHON3_12).handler("app.handler")
        .role(role).code(c -> c.zipFile(SdkBytes.fromByteArray(code1))));

    Run first = drift(repo);
    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(first.item("api").get("status").asText()).as(first.out()).isEqualTo("MATCH");
    assertThat(first.item("report").get("status").asText()).as(first.out()).isEqualTo("MATCH");
    JsonNode db = first.item("db");
    assertThat(db.get("status").asText()).isEqualTo("DRIFTED");
    assertThat(db.get("lockfile").asText()).isEqualTo(HOST + "/drift/db@" + DB);
    assertThat(db.get("running").asText()).isEqualTo(HOST + "/drift/db@" + DB_RUNNING);
    assertThat(first.item("jobs").get("status").asText()).isEqualTo("UNPINNED");
    assertThat(first.item("jobs").get("running").asText()).isEqualTo(HOST + "/drift/jobs:latest");
    assertThat(first.item("extra").get("status").asText()).isEqualTo("UNMANAGED");

    // the secret rotated under the service and the function's code replaced by hand
    String td = ecs.registerTaskDefinition(b -> b.family(ENV + "-api").containerDefinitions(
        ContainerDefinition.builder().name("api").image(HOST + "/drift/api@" + API).memory(256)
            .secrets(Secret.builder().name("API_KEY").valueFrom(secretArn() + "::AWSCURRENT:" + V2).build()).build()))
        .taskDefinition().taskDefinitionArn();
    ecs.updateService(b -> b.cluster(ENV).service("api").taskDefinition(td));
    lambda.updateFunctionCode(b -> b.functionName(ENV + "-report").zipFile(SdkBytes.fromByteArray(code2)));

    Run second = drift(repo);
    assertThat(second.code()).isEqualTo(1);
    assertThat(second.item("api").get("status").asText()).isEqualTo("DRIFTED");
    assertThat(second.item("api").get("detail").asText()).contains("lockfile version " + V1).contains("running version " + V2);
    JsonNode report = second.item("report");
    assertThat(report.get("status").asText()).isEqualTo("DRIFTED");
    assertThat(report.get("lockfile").asText()).isEqualTo("sha256:" + sha256(code1));
    assertThat(report.get("running").asText()).isEqualTo("sha256:" + sha256(code2));
  }

  static String image(String name, String digest) {
    return "  " + name + ":\n    type: container-image\n    version: 1.0.0-1-abcdef0\n    image: " + HOST + "/drift/" + name
        + "@" + digest + "\n    source: {repository: https://git.example.com/" + name + ", commit: abcdef0}\n";
  }
}
