package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.RebuildOutcome;
import dev.phoenix.rebuild.Progress;
import dev.phoenix.rebuild.RebuildFixtures;
import dev.phoenix.rebuild.RebuildPipeline;
import dev.phoenix.rebuild.RebuildResult;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.TerraformValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The repository's sample estate through the aws target against moto, with customer-managed KMS
 * keys on a parameter and a secret and registry credentials for registry.example.com: the
 * synthesized stacks pass {@code terraform validate} with the real provider; grants name exactly
 * those keys and that secret; the materialized copy carries the original's key; the Lambda gets
 * the lockfile's sha256 and the blueprint's timeout; tags carry drill and commit; a second drill
 * of the environment (another out directory) names nothing the first does. The engine is not run.
 */
class SampleEstateResourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB_URL = "/prod/payments/database-url";
  private static final String DB_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
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

  private static void plant(MotoEstate estate) {
    for (int v = 1; v <= 8; v++) {
      String value = estate.canary("db-url-v" + v);
      estate.ssm.putParameter(b -> b.name(DB_URL).value(value).type(ParameterType.SECURE_STRING).keyId(DB_KEY_ID)
          .overwrite(true));
    }
    for (int v = 1; v <= 3; v++) {
      String value = estate.canary("queue-url-v" + v);
      estate.ssm.putParameter(b -> b.name("/prod/ledger/queue-url").value(value).type(ParameterType.STRING)
          .overwrite(true));
    }
    String apiKey = estate.canary("api-key");
    estate.secrets.createSecret(b -> b.name("prod/payments/api-key").secretString(apiKey)
        .kmsKeyId("alias/prod-payments").clientRequestToken("0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f"));
    String signing = estate.canary("signing-key");
    estate.secrets.createSecret(b -> b.name("prod/statements/signing-key").secretString(signing)
        .clientRequestToken("7e1b9c2d-4f3a-4e5b-8c6d-1a2b3c4d5e6f"));
    String pull = estate.canary("registry-pull");
    estate.secrets.createSecret(b -> b.name("prod/registry-pull").secretString(pull));
  }

  private RebuildResult rebuild(GitRepository git, Path out, boolean apply) {
    Map<String, String> flags = Map.of("region", MotoEstate.REGION, "account", "123456789012",
        "namePrefix", "shop-prod", "endpoint", moto.endpoint().toString(),
        "registryCredentials.registry.example.com", "prod/registry-pull",
        "zoneIds", "euw1-az1,euw1-az2", "natGateways", "single");
    TerraformDeployer noEngine = new TerraformDeployer((ctx, env) -> {
      throw new TerraformDeployer.EngineUnavailable("not run in this test");
    });
    return new RebuildPipeline(git, new AwsTarget(noEngine), RebuildFixtures.allOk(), Progress.silent(), Confirm.yes())
        .run(RebuildFixtures.request(dir, out, "2026-11-01", apply, flags));
  }

  @Test
  void theSampleEstateValidatesAndGrantsExactlyItsKeysAndRegistrySecret() throws Exception {
    moto.reset();
    MotoEstate estate = new MotoEstate(moto);
    plant(estate);
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
      try (GitRepository git = GitRepository.open(dir)) {
        Path outA = dir.resolve("drill-a");
        RebuildResult a = rebuild(git, outA, false);
        assertThat(a.outcome()).isEqualTo(RebuildOutcome.STOPPED_AFTER_SYNTH);
        DrillRecord record = a.record();
        Path stacks = outA.resolve("prod/aws/stacks");
        JsonNode services = JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile());
        JsonNode functions = JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile());
        JsonNode network = JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile());

        String pullArn = estate.secretArn("prod/registry-pull");
        JsonNode api = container(services, "payments_api");
        assertThat(api.path("repositoryCredentials").path("credentialsParameter").asText()).isEqualTo(pullArn);
        JsonNode apiPolicy = policy(services, "svc_payments_api_execution_policy");
        assertThat(resources(apiPolicy, "RegistryCredentials")).containsExactly(pullArn);
        assertThat(resources(apiPolicy, "PinnedKeys"))
            .containsExactly("arn:aws:kms:eu-west-1:123456789012:key/" + DB_KEY_ID);
        assertThat(statement(apiPolicy, "PinnedKeyAliases").path("Condition").toString())
            .contains("\"kms:ResourceAliases\":[\"alias/prod-payments\"]");
        assertThat(policy(services, "svc_ledger_worker_execution_policy").toString())
            .as("the worker's queue URL is a plain String parameter: no key").doesNotContain("kms:");

        JsonNode lambda = functions.path("resource").path("aws_lambda_function").path("fn_statements");
        String sha256 = record.artefacts().stream().filter(x -> x.name().equals("statements")).findFirst()
            .orElseThrow().sha256();
        assertThat(lambda.path("source_code_hash").asText())
            .isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)));
        assertThat(lambda.path("timeout").asInt()).isEqualTo(30);
        assertThat(lambda.path("tags").path("phoenix:artefact-version").asText()).isEqualTo("2.0.1-77-1a2b3c4");
        assertThat(lambda.path("function_name").asText()).isEqualTo("shop-prod-statements-" + record.id());
        JsonNode tags = network.path("provider").path("aws").get(0).path("default_tags").get(0).path("tags");
        assertThat(tags.path("phoenix:drill-id").asText()).isEqualTo(record.id());
        assertThat(tags.path("phoenix:commit").asText()).isEqualTo(record.lockfileCommit());
        assertThat(tags.path("phoenix:env").asText()).isEqualTo("prod");
        assertThat(network.path("resource").path("aws_subnet").path("private_1").path("availability_zone_id")
            .asText()).isEqualTo("euw1-az2");

        TerraformValidator terraform = new TerraformValidator(dir.resolve("tf"));
        for (String stack : List.of(dev.phoenix.synth.SynthRequest.ROOT_STACK)) {
          assertThat(terraform.validate(stacks.resolve(stack)).path("valid").asBoolean()).as(stack).isTrue();
        }

        RebuildResult applied = rebuild(git, outA, true); // the synth phase writes the copy; no engine
        String copy = "/phoenix-rebuild/shop-prod-" + record.id() + DB_URL + "/v7";
        assertThat(applied.record().materialized()).containsExactly("ssm:" + DB_URL + ":7 (current is 8) -> " + copy);
        assertThat(estate.ssm.describeParameters(b -> b.parameterFilters(ParameterStringFilter.builder().key("Name")
                .option("Equals").values(copy).build())).parameters().get(0).keyId())
            .as("the copy is encrypted with the original's key").isEqualTo(DB_KEY_ID);
        assertThat(resources(policy(JSON.readTree(stacks.resolve("environment/cdk.tf.json").toFile()),
                "svc_payments_api_execution_policy"), "PinnedKeys"))
            .containsExactly("arn:aws:kms:eu-west-1:123456789012:key/" + DB_KEY_ID);

        Path outB = dir.resolve("drill-b");
        RebuildResult b = rebuild(git, outB, false);
        assertThat(b.record().id()).isNotEqualTo(record.id());
        Set<String> namesA = names(outA.resolve("prod/aws/stacks"));
        Set<String> namesB = names(outB.resolve("prod/aws/stacks"));
        assertThat(namesA).hasSizeGreaterThan(15);
        Set<String> shared = new HashSet<>(namesA);
        shared.retainAll(namesB);
        assertThat(shared).as("two drills of prod share no AWS name").isEmpty();
        assertThat(b.record().materialized()).singleElement().asString()
            .contains("/phoenix-rebuild/shop-prod-" + b.record().id() + "/");
      }
    }
  }

  private static Set<String> names(Path stacks) throws IOException {
    Set<String> names = new HashSet<>();
    for (String stack : List.of(dev.phoenix.synth.SynthRequest.ROOT_STACK)) {
      JsonNode resources = JSON.readTree(stacks.resolve(stack).resolve("cdk.tf.json").toFile()).path("resource");
      resources.fields().forEachRemaining(type -> {
        if (type.getKey().equals("aws_iam_role_policy") || type.getKey().equals("aws_ecs_service")) {
          return; // inline policy names live inside their role, service names inside their cluster
        }
        type.getValue().forEach(r -> {
          for (String field : List.of("name", "function_name", "family")) {
            if (r.path(field).isTextual()) {
              names.add(r.path(field).asText());
            }
          }
          if (r.path("tags").path("Name").isTextual()) {
            names.add(r.path("tags").path("Name").asText());
          }
        });
      });
    }
    return names;
  }

  private static JsonNode container(JsonNode stack, String id) throws IOException {
    JsonNode task = stack.path("resource").path("aws_ecs_task_definition").path("svc_" + id + "_task");
    return JSON.readTree(task.path("container_definitions").asText()).get(0);
  }

  private static JsonNode policy(JsonNode stack, String id) throws IOException {
    return JSON.readTree(stack.path("resource").path("aws_iam_role_policy").path(id).path("policy").asText());
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode st : policy.path("Statement")) {
      if (sid.equals(st.path("Sid").asText())) {
        return st;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private static List<String> resources(JsonNode policy, String sid) {
    List<String> out = new ArrayList<>();
    statement(policy, sid).path("Resource").forEach(n -> out.add(n.asText()));
    return out;
  }
}
