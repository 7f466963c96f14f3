package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.SyntheticLayer;
import dev.phoenix.testsupport.TestCertificates;
import dev.phoenix.testsupport.TlsRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * {@code phoenix verify --deep} on ECR images is deep: manifest and blobs are fetched through the
 * OCI registry API with an ECR authorization token and hashed, not only listed by BatchGetImage.
 * The "ECR registry" is a real docker-registry speaking TLS on port 443 of a loopback address,
 * reached under the ECR host name through a hosts file ({@code -Djdk.net.hosts.file}) and a test CA,
 * with htpasswd set to the user and password in the token moto's GetAuthorizationToken returns; the
 * child JVM gets its AWS endpoint (moto) from AWS_ENDPOINT_URL, as a user's would. A blob whose
 * bytes changed reads CORRUPT, an intact image OK.
 */
class VerifyEcrDeepIT {
  private static final String REGION = "eu-west-2";
  private static final String HOST = "123456789012.dkr.ecr." + REGION + ".amazonaws.com";
  @TempDir Path dir;

  @Test
  void deepOnEcrFetchesAndHashesBlobsWithAnEcrToken() throws Exception {
    MotoServer moto = MotoServer.shared();
    String[] userPassword = ecrToken(moto);
    assertThat(userPassword[0]).isEqualTo("AWS");

    Path certs = Files.createDirectories(dir.resolve("certs"));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    TestCertificates ca = TestCertificates.createCa(certs);
    Path[] cert = ca.signedFor(HOST);
    try (LocalRegistry storage = LocalRegistry.start();
        TlsRegistry ecr = TlsRegistry.serveOn443(storage, cert[0], cert[1], userPassword[0], userPassword[1])) {
      String intact = storage.pushSyntheticImage("shop/front", "v1", bytes("front layer"));
      String rotten = storage.pushSyntheticImage("shop/back", "v1", bytes("back layer"));
      Path blob = blobData(storage, SyntheticLayer.of(bytes("back layer")).digest());
      byte[] data = Files.readAllBytes(blob);
      data[data.length / 2] ^= 0x01; // same size, other bytes
      Files.write(blob, data);

      Path hosts = dir.resolve("hosts");
      Files.writeString(hosts, "127.0.0.1 localhost\n" + ecr.address() + " " + HOST + "\n");
      Map<String, String> images = new LinkedHashMap<>();
      images.put("app", HOST + "/shop/front@" + intact);
      images.put("back", HOST + "/shop/back@" + rotten);
      GitFixture git = GitFixture.init(repo);
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod", images, "", ""));
      git.commit(Instant.now().minusSeconds(60), "two ECR images");
      git.close();

      Exec.Result run = inChildJvm(hosts, ca.trustStore(), moto, "verify", "--repo", repo.toString(), "--env", "prod",
          "--output", "json", "--deadline", "60s", "--deep");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      JsonNode report = dev.phoenix.report.Json.mapper().readTree(run.stdout());
      assertThat(report.get("deep").asBoolean()).isTrue();
      Map<String, JsonNode> byName = new HashMap<>();
      report.get("environments").get(0).get("references").forEach(r -> byName.put(r.get("usedBy").get(0).asText(), r));
      assertThat(byName.get("app").get("status").asText()).as(run.stdout()).isEqualTo("OK");
      assertThat(byName.get("back").get("status").asText()).as(run.stdout()).isEqualTo("CORRUPT");
      assertThat(byName.get("back").get("reason").asText()).contains("hashes to sha256:");
      List<String> log = ecr.accessLog();
      assertThat(log).as("blobs were fetched through the registry API; only the token's password opens it (htpasswd)")
          .anyMatch(l -> l.matches(".*\"GET /v2/shop/front/blobs/sha256:[0-9a-f]{64} HTTP/1.1\" 200 .*"))
          .anyMatch(l -> l.matches(".*\"GET /v2/shop/back/blobs/sha256:[0-9a-f]{64} HTTP/1.1\" 200 .*"));

      // rebuild --deep preflight goes the same way: the rotten blob stops it before anything is built
      Exec.Result rebuild = inChildJvm(hosts, ca.trustStore(), moto, "rebuild", "--repo", repo.toString(),
          "--env", "prod", "--at", "HEAD", "--target", "local", "--deep", "--output", "json",
          "--drills", dir.resolve("drills").toString());
      assertThat(rebuild.exitCode()).as(rebuild.toString()).isEqualTo(1);
      assertThat(rebuild.stdout() + rebuild.stderr()).contains("CORRUPT").contains(HOST + "/shop/back@" + rotten);
    }
  }

  /** The user and password in moto's ECR authorization token (base64 of user:password). */
  private static String[] ecrToken(MotoServer moto) {
    try (EcrClient ecr = EcrClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
        .build()) {
      String token = ecr.getAuthorizationToken(b -> { }).authorizationData().get(0).authorizationToken();
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      return decoded.split(":", 2);
    }
  }

  private static Exec.Result inChildJvm(Path hosts, Path trustStore, MotoServer moto, String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(),
        "-Djdk.net.hosts.file=" + hosts,
        "-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStoreType=PKCS12",
        "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.TRUST_STORE_PASSWORD,
        "-Dphoenix.cache.dir=" + hosts.resolveSibling("cache"),
        "-cp", System.getProperty("java.class.path"),
        "dev.phoenix.cli.Main"));
    command.addAll(List.of(args));
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
        "AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
        "AWS_REGION", REGION, "DOCKER_CONFIG", hosts.resolveSibling("no-docker-config").toString());
    return Exec.run(Duration.ofSeconds(90), command, env);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Path blobData(LocalRegistry registry, String digest) {
    String hex = digest.substring("sha256:".length());
    return registry.storageDir().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }
}
