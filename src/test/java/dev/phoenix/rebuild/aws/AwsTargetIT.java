package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.RebuildOutcome;
import dev.phoenix.rebuild.Progress;
import dev.phoenix.rebuild.RebuildFixtures;
import dev.phoenix.rebuild.RebuildPipeline;
import dev.phoenix.rebuild.RebuildResult;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws target over the sample estate against moto: the synthesized Terraform JSON asserted
 * structurally, the SSM materialization checked in moto, and no canary value in any file written.
 * The engine is not run here (AwsRebuildIT runs it): the pipeline stops after synth.
 */
class AwsTargetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB_URL = "/prod/payments/database-url";
  /** The copy's name under the drill's root: {@code /phoenix-rebuild/shop-prod-<drill id>/…}. */
  private static String materialized(String drillId) {
    return "/phoenix-rebuild/shop-prod-" + drillId + "/prod/payments/database-url/v7";
  }
  private static MotoServer moto;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private RebuildResult rebuild(GitRepository git) {
    return rebuild(git, false);
  }

  private RebuildResult rebuild(GitRepository git, boolean apply) {
    Map<String, String> flags = Map.of("region", MotoEstate.REGION, "account", "123456789012",
        "namePrefix", "shop-prod", "endpoint", moto.endpoint().toString());
    TerraformDeployer noEngine = new TerraformDeployer((ctx, env) -> {
      throw new TerraformDeployer.EngineUnavailable("not run in this test");
    });
    // as the command does: config lookups and materialization on the run's store clients
    AwsConfig config = AwsConfig.forEndpoint(moto.endpoint(), MotoEstate.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    try (Stores stores = Stores.open(StoreSettings.of(config, Set.of()))) {
      ConfigServices services = ConfigServices.of(r -> stores.region(r).ssm(), r -> stores.region(r).secrets());
      return new RebuildPipeline(git, new AwsTarget(noEngine, services), RebuildFixtures.allOk(), Progress.silent(),
          Confirm.yes()).run(RebuildFixtures.request(dir, dir.resolve(".phoenix"), "2026-11-01", apply, flags));
    }
  }

  @Test
  void synthesizesTheSampleEstateFromPinnedReferencesOnly() throws Exception {
    moto.reset();
    MotoEstate estate = new MotoEstate(moto);
    estate.plant();
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        RebuildResult result = rebuild(git);
        assertThat(result.outcome()).isEqualTo(RebuildOutcome.STOPPED_AFTER_SYNTH);
        assertThat(result.record().failureReason()).contains("not run in this test");
        assertThat(result.prepared().stacks()).extracting(s -> s.name()).containsExactly("environment");
        String drill = result.record().id();
        String copy = materialized(drill);
        assertThat(Files.readString(dir.resolve(".phoenix/prod/aws/drill-scope")).strip())
            .as("the first rebuild into this out dir fixes the drill scope").isEqualTo(drill);
        assertThat(result.record().materialized()).containsExactly(
            "ssm:" + DB_URL + ":7 (current is 8) -> " + copy + " (written when applied)");
        assertThat(estate.exists(copy)).as("a plan writes nothing to the account").isFalse();
        assertThat(estate.versionOf(DB_URL)).isEqualTo(8);

        Path stacks = dir.resolve(".phoenix/prod/aws/stacks");
        JsonNode services = JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile());
        String apiKeyArn = estate.secretArn("prod/payments/api-key");
        String materializedArn = estate.parameterArn(DB_URL).replace(DB_URL, copy); // not written yet
        String queueArn = estate.parameterArn("/prod/ledger/queue-url");
        assertThat(apiKeyArn).matches("arn:aws:secretsmanager:eu-west-1:\\d{12}:secret:prod/payments/api-key-\\w{6}");

        JsonNode api = container(services, "payments_api");
        assertThat(api.path("image").asText()).isEqualTo("registry.example.com/payments/api@sha256:"
            + "4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07");
        assertThat(secretsOf(api)).isEqualTo(Map.of(
            "API_KEY", apiKeyArn + ":::0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f",
            "DATABASE_URL", materializedArn));
        assertThat(api.path("environment").toString()).contains("LOG_LEVEL").contains("info");
        assertThat(grants(services, "svc_payments_api_execution_policy", "PinnedParameters")).containsExactly(materializedArn);
        assertThat(grants(services, "svc_payments_api_execution_policy", "PinnedSecrets")).containsExactly(apiKeyArn);

        JsonNode ledger = container(services, "ledger_worker");
        assertThat(ledger.path("image").asText()).isEqualTo("registry.example.com/payments/ledger-worker@sha256:"
            + "9d1f0a7c3e5b2f48a6c0d9e8b7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8a");
        assertThat(secretsOf(ledger)).isEqualTo(Map.of("QUEUE_URL", queueArn));
        assertThat(grants(services, "svc_ledger_worker_execution_policy", "PinnedParameters")).containsExactly(queueArn);
        assertThat(policy(services, "svc_ledger_worker_execution_policy").toString()).doesNotContain("PinnedSecrets");

        JsonNode functions = JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile());
        JsonNode lambda = functions.path("resource").path("aws_lambda_function").path("fn_statements");
        assertThat(lambda.path("s3_object_version").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(lambda.path("s3_bucket").asText()).isEqualTo("artefacts");
        assertThat(lambda.path("s3_key").asText()).isEqualTo("statements/2.0.1-77-1a2b3c4.zip");
        String signingArn = estate.secretArn("prod/statements/signing-key");
        assertThat(lambda.path("environment").path("variables").path("SIGNING_KEY").asText())
            .isEqualTo("secret:" + signingArn + ":7e1b9c2d-4f3a-4e5b-8c6d-1a2b3c4d5e6f");
        assertThat(grants(functions, "fn_statements_policy", "PinnedSecrets")).containsExactly(signingArn);

        List<Path> written = files(dir.resolve(".phoenix"), dir.resolve("drills"));
        assertThat(written).hasSizeGreaterThanOrEqualTo(4); // manifest, the one configuration, cache marker, record
        for (Path file : written) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String canary : estate.canaries) {
            assertThat(text).as(file.toString()).doesNotContain(canary);
          }
        }

        RebuildResult applied = rebuild(git, true); // stops at the engine, after the synth phase wrote the copy
        assertThat(applied.record().id()).isNotEqualTo(drill);
        assertThat(applied.prepared().cacheHit()).as("same out dir, same drill scope, same names").isTrue();
        assertThat(applied.record().materialized()).containsExactly("ssm:" + DB_URL + ":7 (current is 8) -> " + copy);
        assertThat(estate.valueOf(copy)).isEqualTo(estate.canaries.get(6)); // db-url-v7
        assertThat(estate.parameterArn(copy)).as("the ARN the plan used").isEqualTo(materializedArn);
        RebuildResult again = rebuild(git, true);
        assertThat(again.prepared().cacheHit()).isTrue();
        assertThat(estate.versionOf(copy)).as("unchanged copy is not rewritten").isEqualTo(1);
      }
    }
  }

  private static JsonNode container(JsonNode stack, String id) throws IOException {
    JsonNode task = stack.path("resource").path("aws_ecs_task_definition").path("svc_" + id + "_task");
    assertThat(task.isMissingNode()).as("task definition svc_" + id).isFalse();
    JsonNode containers = JSON.readTree(task.path("container_definitions").asText());
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private static Map<String, String> secretsOf(JsonNode container) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode s : container.path("secrets")) {
      assertThat(s.has("value")).isFalse();
      out.put(s.path("name").asText(), s.path("valueFrom").asText());
    }
    return out;
  }

  private static JsonNode policy(JsonNode stack, String id) throws IOException {
    return JSON.readTree(stack.path("resource").path("aws_iam_role_policy").path(id).path("policy").asText());
  }

  private static List<String> grants(JsonNode stack, String id, String sid) throws IOException {
    for (JsonNode st : policy(stack, id).path("Statement")) {
      if (sid.equals(st.path("Sid").asText())) {
        List<String> out = new ArrayList<>();
        Iterator<JsonNode> it = st.path("Resource").elements();
        it.forEachRemaining(n -> out.add(n.asText()));
        return out;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + id);
  }

  private static List<Path> files(Path... roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).forEach(out::add);
      }
    }
    return out;
  }
}
