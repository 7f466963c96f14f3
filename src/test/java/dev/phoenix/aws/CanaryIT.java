package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.FakeEndpoint.Response;
import dev.phoenix.aws.secrets.SecretStages;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmLabels;
import dev.phoenix.aws.ssm.SsmParameters;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Sensitive;
import dev.phoenix.testsupport.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A canary value stored in SSM (SecureString and String) and Secrets Manager never shows up in a
 * finding, an exception message, a returned object's text, or anything printed. (moto's fake
 * "encryption" keeps the plain text inside the ciphertext, so even undecrypted reads carry it.)
 */
class CanaryIT {
  static final String CANARY = "CANARY-7f3a9c-do-not-print";
  static MotoServer moto;

  private final List<String> seen = new ArrayList<>();

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private <T> T record(Supplier<T> call) {
    try {
      T result = call.get();
      seen.add(String.valueOf(result));
      return result;
    } catch (PhoenixException e) {
      seen.add(e.getMessage());
      seen.add(String.valueOf(e.fix()));
      seen.add(e.toString());
      return null;
    }
  }

  @Test
  void theCanaryNeverLeaks() {
    AwsConfig config = MotoAws.config(moto);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (SsmClient ssmRaw = AwsClients.build(SsmClient.builder(), config);
        SecretsManagerClient smRaw = AwsClients.build(SecretsManagerClient.builder(), config);
        SsmService ssm = SsmService.connect(config);
        SecretsService secrets = SecretsService.connect(config)) {
      for (int i = 0; i < 3; i++) {
        String v = CANARY + i;
        ssmRaw.putParameter(b -> b.name("/c/secure").value(v).type(ParameterType.SECURE_STRING).overwrite(true));
        ssmRaw.putParameter(b -> b.name("/c/plain").value(v).type(ParameterType.STRING).overwrite(true));
      }
      String v1 = smRaw.createSecret(b -> b.name("c/secret").secretString(CANARY)).versionId();
      smRaw.putSecretValue(b -> b.secretId("c/secret").secretString(CANARY + "b"));
      smRaw.putSecretValue(b -> b.secretId("c/secret").secretString(CANARY + "c"));

      PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);

      List<Ref> refs = List.of(new Ref.Ssm("/c/secure", 2), new Ref.Ssm("/c/plain", 1), new Ref.Ssm("/c/plain", 9),
          new Ref.Secret("c/secret", v1), new Ref.Secret("c/secret", "nope"));
      Map<Ref, Finding> ssmFindings = ssm.checker().check(refs, MotoAws.options(false));
      Map<Ref, Finding> secretFindings = secrets.checker().check(refs, MotoAws.options(false));
      ssmFindings.values().forEach(f -> seen.add(f.reason()));
      secretFindings.values().forEach(f -> seen.add(f.reason()));
      record(() -> ssm.pins().currentVersion("/c/plain"));
      record(() -> ssm.parameters().describe("/c/secure"));
      Sensitive read = record(() -> ssm.values().read("/c/secure", 2));
      assertThat(read.reveal()).isEqualTo(CANARY + 1);
      record(() -> ssm.values().read("/c/secure", 99));
      record(() -> secrets.values().read("c/secret", v1));
      record(() -> secrets.values().read("c/secret", "00000000-0000-0000-0000-000000000000"));
      record(() -> secrets.pins().currentVersionId("c/secret"));
      record(() -> {
        ssm.labels().label("/c/plain", 1, SsmLabels.keepLabel("prod", 1));
        return ssm.labels().keptVersions(List.of("/c/plain", "/c/secure"));
      });
      record(() -> {
        secrets.stages().addStage("c/secret", v1, SecretStages.keepLabel("prod", v1));
        return secrets.stages().keptVersions(List.of("c/secret"));
      });
      record(() -> ssm.parameters().copyVersion("/c/secure", 2, "/c/rebuild", "pinned v2"));
      record(() -> ssm.parameters().copyVersion("/c/secure", 2, "/aws/reserved", "refused: reserved prefix"));
      // Real AWS validation errors echo request values; this endpoint does exactly that.
      // The fake serves the pinned version, has no target yet, and rejects the write echoing its body.
      try (FakeEndpoint echo = new FakeEndpoint(r -> r.body().contains("\"Value\"")
              ? new Response(400, "application/x-amz-json-1.1",
                  "{\"__type\":\"ValidationException\",\"message\":\"1 validation error: Value '"
                      + r.body().replace("\"", "'") + "' failed to satisfy constraint\"}")
              : r.body().contains("/c/x:1")
                  ? new Response(200, "application/x-amz-json-1.1", "{\"Parameter\":{\"Name\":\"/c/x\","
                      + "\"Type\":\"String\",\"Value\":\"" + CANARY + "\",\"Version\":1,"
                      + "\"ARN\":\"arn:aws:ssm:us-east-1:123456789012:parameter/c/x\"}}")
                  : new Response(400, "application/x-amz-json-1.1",
                      "{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}"));
          SsmService echoing = SsmService.connect(echo.config())) {
        record(() -> echoing.parameters().copyVersion("/c/x", 1, "/c/y", "pinned"));
        assertThat(echo.requests()).anySatisfy(r -> assertThat(r.body()).contains("\"Value\"").contains(CANARY));
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    seen.add(printed.toString(StandardCharsets.UTF_8));

    assertThat(seen).hasSizeGreaterThan(15);
    assertThat(String.join("\n", seen)).contains("ValidationException", "not found", "phoenix-keep-prod")
        .doesNotContain(CANARY);
  }
}
