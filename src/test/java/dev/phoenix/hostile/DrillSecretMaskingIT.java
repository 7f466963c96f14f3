package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.local.Labels;
import dev.phoenix.rebuild.local.SecretMask;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Issue 9.4: a drill hands a PEM key and a JSON blob (Secrets Manager) and a token (SSM) from moto to
 * a real container that prints them in clear, base64 (wrapped, unwrapped, at every offset), URL- and
 * JSON-encoded, on stdout and stderr, and exits 1. Phoenix's output, progress and drill record show
 * the failure and the log lines, masked: not one 8-character run of any canary or of its encodings.
 */
class DrillSecretMaskingIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String ENV = "hostile-mask-" + RUN;
  static DockerDaemon daemon;
  static LocalRegistry registry;
  static MotoServer moto;
  static String image;

  @BeforeAll
  static void start() {
    daemon = DockerDaemon.ensureRunning();
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    image = registry.reference("hostile/leaky", registry.pushImage("hostile/leaky", "v1"));
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    if (daemon != null) {
      DrillRepo.run("teardown", "--env", ENV, "--target", "local");
      daemon.docker("rmi", "-f", String.valueOf(image));
    }
    if (registry != null) {
      registry.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void aFailingContainerThatPrintsItsSecretsInEveryEncodingShowsThemMaskedEverywhere(@TempDir Path tmp)
      throws Exception {
    String pem = Canaries.pem();
    String json = Canaries.json();
    String token = Canaries.token();
    URI endpoint = moto.endpoint();
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    String pemVersion;
    String jsonVersion;
    long tokenVersion;
    try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(endpoint)
            .region(Region.of(MotoServer.REGION)).credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
        SsmClient ssm = SsmClient.builder().endpointOverride(endpoint).region(Region.of(MotoServer.REGION))
            .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build()) {
      pemVersion = sm.createSecret(b -> b.name(ENV + "/tls-key").secretString(pem)).versionId();
      jsonVersion = sm.createSecret(b -> b.name(ENV + "/db").secretString(json)).versionId();
      tokenVersion = ssm.putParameter(b -> b.name("/" + ENV + "/token").value(token).type(ParameterType.SECURE_STRING))
          .version();
    }
    Path repo = DrillRepo.create(tmp.resolve("repo"), ENV, "leaky", image, Map.of(
        "LEAK_VARS", "{value: TLS_KEY DB_JSON API_TOKEN}",
        "TLS_KEY", "{secret: " + ENV + "/tls-key, versionId: " + pemVersion + "}",
        "DB_JSON", "{secret: " + ENV + "/db, versionId: " + jsonVersion + "}",
        "API_TOKEN", "{ssm: /" + ENV + "/token, version: " + tokenVersion + "}"));

    DrillRepo.Result r = DrillRepo.run(DrillRepo.rebuildArgs(repo, ENV, tmp.resolve("out"), registry.hostPort(),
        "--aws-endpoint", endpoint.toString(), "--region", MotoServer.REGION, "--target-option", "logLines=300",
        "--target-option", "healthTimeout=10"));

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    // the container really printed them: its own log, read straight from Docker, holds every canary
    String container = Labels.container(ENV, "leaky", 1);
    String raw = daemon.docker("logs", container).stdout() + daemon.docker("logs", container).stderr();
    assertThat(raw).as(r.all()).contains(token).contains(pem.lines().toList().get(3)).contains("\"password\"");

    assertThat(r.err()).contains("leaky FAILED").contains("exit code 1").contains("(secret values masked)")
        .contains("local:   | clear TLS_KEY=" + SecretMask.MASK).contains("local:   | url API_TOKEN=" + SecretMask.MASK)
        .contains("local:   | json {\"DB_JSON\":\"" + SecretMask.MASK);
    String everything = r.all() + DrillRepo.contents(tmp);
    assertThat(everything).contains(ENV);
    assertThat(Canaries.leaks(everything, pem, json, token)).as(r.err()).isEmpty();
  }
}
