package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.TestCertificates;
import dev.phoenix.testsupport.TlsRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix verify} against real registries speaking TLS. Loopback registries are always
 * spoken to in plain HTTP, so the child JVM resolves made-up names to 127.0.0.1 through a hosts
 * file ({@code -Djdk.net.hosts.file}) and trusts only a test CA ({@code -Djavax.net.ssl.trustStore}):
 * a certificate from that CA for the right name passes; a self-signed one, or the CA's certificate
 * for another name, is UNKNOWN "TLS failure" — never retried, never an HTTP request.
 */
class VerifyTlsIT {
  @TempDir Path dir;

  @Test
  void onlyATrustedCertificateForTheRightNameIsAccepted() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    TestCertificates ca = TestCertificates.createCa(certs);
    Path[] good = ca.signedFor("registry.phoenix.test");
    Path[] self = ca.selfSignedFor("selfsigned.phoenix.test");
    Path[] otherName = ca.signedFor("other.phoenix.test");
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 localhost registry.phoenix.test selfsigned.phoenix.test wrongname.phoenix.test\n");

    try (LocalRegistry plain = LocalRegistry.start();
        TlsRegistry trusted = TlsRegistry.serve(plain, good[0], good[1]);
        TlsRegistry untrusted = TlsRegistry.serve(plain, self[0], self[1]);
        TlsRegistry mismatched = TlsRegistry.serve(plain, otherName[0], otherName[1])) {
      String digest = plain.pushSyntheticImage("tls/app", "v1", "tls app".getBytes(StandardCharsets.UTF_8));
      Map<String, String> images = new LinkedHashMap<>();
      images.put("app", "registry.phoenix.test:" + trusted.port() + "/tls/app@" + digest);
      images.put("selfsigned", "selfsigned.phoenix.test:" + untrusted.port() + "/tls/app@" + digest);
      images.put("wrongname", "wrongname.phoenix.test:" + mismatched.port() + "/tls/app@" + digest);
      GitFixture git = GitFixture.init(repo);
      git.put("stacks/svc.yaml", Lockfiles.stack());
      git.put("environments/prod/environment.lock.yaml", Lockfiles.lockfile("prod", images, "", ""));
      git.commit(Instant.now().minusSeconds(60), "three registries");
      git.close();

      Exec.Result run = verifyInChildJvm(repo, hosts, ca.trustStore());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3); // could not check two references
      Map<String, JsonNode> byRef = new HashMap<>();
      for (JsonNode r : dev.phoenix.report.Json.mapper().readTree(run.stdout()).get("environments").get(0)
          .get("references")) {
        byRef.put(r.get("usedBy").get(0).asText(), r);
      }
      assertThat(byRef.get("app").get("status").asText()).as(run.stdout()).isEqualTo("OK");
      for (String name : List.of("selfsigned", "wrongname")) {
        assertThat(byRef.get(name).get("status").asText()).as(name).isEqualTo("UNKNOWN");
        assertThat(byRef.get(name).get("reason").asText()).as(name).contains("unreachable (TLS failure)");
      }
      assertThat(trusted.accessLog()).as("the trusted registry answered the manifest GET").hasSize(1);
      assertThat(untrusted.accessLog()).as("no HTTP request after a failed handshake").isEmpty();
      assertThat(mismatched.accessLog()).as("no HTTP request after a failed handshake").isEmpty();
    }
  }

  private static Exec.Result verifyInChildJvm(Path repo, Path hosts, Path trustStore) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(),
        "-Djdk.net.hosts.file=" + hosts,
        "-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStoreType=PKCS12",
        "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.TRUST_STORE_PASSWORD,
        "-Dphoenix.cache.dir=" + repo.resolveSibling("cache"),
        "-cp", System.getProperty("java.class.path"),
        "dev.phoenix.cli.Main", "verify", "--repo", repo.toString(), "--env", "prod", "--output", "json",
        "--deadline", "60s");
    return Exec.run(Duration.ofSeconds(90), command, Map.of());
  }
}
