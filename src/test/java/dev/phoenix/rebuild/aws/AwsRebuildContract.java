package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.engine.EngineBinary;
import dev.phoenix.engine.ProcessEngine;
import dev.phoenix.engine.ProviderMirror;
import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.RebuildOutcome;
import dev.phoenix.rebuild.Progress;
import dev.phoenix.rebuild.RebuildFixtures;
import dev.phoenix.rebuild.RebuildPipeline;
import dev.phoenix.rebuild.RebuildRequest;
import dev.phoenix.rebuild.RebuildResult;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample estate rebuilt for AWS into an empty moto by a real engine with the AWS provider
 * 5.100.0 from the filesystem mirror /opt/tf-plugins: the dry run lists every resource of the
 * configuration, {@code --apply --saved-plan --yes} creates exactly that plan, the SDK reads back
 * the pinned digest and secret versions, a second plan changes nothing, and the teardown leaves
 * moto as it was. Applied once per class (one engine per subclass); the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AwsRebuildContract {
  static final Path MIRROR = Path.of("/opt/tf-plugins");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_DIGEST = "registry.example.com/payments/api@sha256:"
      + "4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07";
  private static final String API_KEY_VERSION = "0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f";
  /** The sample lockfile's sha256 of the statements package: sha256("foo"). */
  private static final byte[] LAMBDA_BYTES = "foo".getBytes(StandardCharsets.UTF_8);

  private final MotoServer moto = MotoServer.start();
  private final Path dir;
  private final MotoEstate estate;
  private final MotoInventory inventory;
  private final List<String> before;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final RebuildResult planned;
  private final RebuildResult applied;

  /** The engine binary this class runs. */
  abstract Path engine();

  AwsRebuildContract() throws Exception {
    System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY); // Phoenix's own SDK clients (SSM, secrets)
    System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
    dir = Files.createTempDirectory("phoenix-aws-rebuild");
    estate = new MotoEstate(moto);
    inventory = new MotoInventory(moto.endpoint(), MotoEstate.REGION);
    estate.plant();
    try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true)
        .region(software.amazon.awssdk.regions.Region.of(MotoEstate.REGION))
        .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
            MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
      s3.createBucket(b -> b.bucket("artefacts").createBucketConfiguration(c -> c.locationConstraint(MotoEstate.REGION)));
      s3.putBucketVersioning(b -> b.bucket("artefacts").versioningConfiguration(v -> v.status("Enabled")));
      s3.putObject(b -> b.bucket("artefacts").key("statements/2.0.1-77-1a2b3c4.zip"), RequestBody.fromBytes(LAMBDA_BYTES));
    }
    before = inventory.snapshot();
    try (GitFixture repo = GitFixture.init(dir)) {
      RebuildFixtures.sampleRepo(repo);
    }
    planned = rebuild(false, false);
    applied = rebuild(true, true);
  }

  @AfterAll
  void stop() {
    inventory.close();
    moto.close();
  }

  /** Where the apply wrote pinned version 7: under the drill fixed by the first (plan-only) rebuild. */
  private String materializedCopy() {
    return "/phoenix-rebuild/shop-prod-" + planned.record().id() + "/prod/payments/database-url/v7";
  }

  RebuildResult rebuild(boolean apply, boolean savedPlan) {
    Map<String, String> flags = Map.of("region", MotoEstate.REGION, "account", "123456789012",
        "namePrefix", "shop-prod", "endpoint", moto.endpoint().toString(),
        TerraformDeployer.MIRROR_OPTION, MIRROR.toString(), AwsSettings.EMULATOR_STEADY_STATE, "false",
        AwsSettings.EMULATOR_UNSTORED_FIELDS, "true");
    RebuildRequest request = new RebuildRequest("prod", "2026-11-01", RebuildFixtures.NOW, dir, dir.resolve(".phoenix"),
        dir.resolve("drills"), flags, apply, savedPlan, false, null, Duration.ofMinutes(10), CheckOptions.defaults());
    try (GitRepository git = GitRepository.open(dir)) {
      return new RebuildPipeline(git, new AwsTarget(deployer()), RebuildFixtures.allOk(), progress(), Confirm.yes())
          .run(request);
    }
  }

  Progress progress() {
    return new Progress() {
      @Override
      public void phaseStarted(String phase) {}

      @Override
      public void phaseFinished(String phase, Duration duration, String summary) {
        lines.add(phase + " " + duration.toMillis() + " ms: " + summary);
      }

      @Override
      public void line(String text) {
        lines.add(text);
      }
    };
  }

  TerraformDeployer deployer() {
    return new TerraformDeployer((ctx, extra) ->
        new ProcessEngine(EngineBinary.of(engine()), ctx.engineTimeout(), lines::add, childEnv(extra)), Map.of());
  }

  static Map<String, String> childEnv(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
    env.putAll(extra);
    return env;
  }

  Path workDir() {
    return dir.resolve(".phoenix/prod/aws/stacks/environment");
  }

  @Test
  @Order(1)
  void theDryRunIntoAnEmptyAccountPlansEveryResourceOfEveryStack() throws Exception {
    assertThat(planned.outcome()).as(String.join("\n", lines)).isEqualTo(RebuildOutcome.PLANNED);
    JsonNode config = JSON.readTree(workDir().resolve("cdk.tf.json").toFile());
    TreeSet<String> configured = new TreeSet<>();
    config.path("resource").properties().forEach(type ->
        type.getValue().fieldNames().forEachRemaining(id -> configured.add(type.getKey() + "." + id)));
    assertThat(configured).contains("aws_vpc.vpc", "aws_ecs_cluster.cluster", "aws_ecs_service.svc_payments_api",
        "aws_ecs_service.svc_ledger_worker", "aws_lambda_function.fn_statements");
    assertThat(planned.record().stacks()).hasSize(1);
    assertThat(planned.record().stacks().get(0).planned())
        .isEqualTo(configured.size() + " to add, 0 to change, 0 to destroy");
  }

  @Test
  @Order(2)
  void theApplyCreatesExactlyThePlanWithThePinnedDigestAndSecretVersions() throws Exception {
    assertThat(applied.outcome()).as(String.join("\n", lines)).isEqualTo(RebuildOutcome.SUCCEEDED);
    assertThat(applied.record().stacks().get(0).applied()).isEqualTo(planned.record().stacks().get(0).planned());

    String family = inventory.ecs.listTaskDefinitionFamilies().families().stream()
        .filter(f -> f.contains("payments-api")).findFirst().orElseThrow();
    ContainerDefinition api = inventory.ecs.describeTaskDefinition(b -> b.taskDefinition(family))
        .taskDefinition().containerDefinitions().get(0);
    assertThat(api.image()).isEqualTo(API_DIGEST);
    Map<String, String> secrets = new HashMap<>();
    for (Secret s : api.secrets()) {
      secrets.put(s.name(), s.valueFrom());
    }
    assertThat(secrets.get("API_KEY"))
        .isEqualTo(estate.secretArn("prod/payments/api-key") + ":::" + API_KEY_VERSION);
    assertThat(secrets.get("DATABASE_URL")).as("pinned version 7 of 8, materialized")
        .isEqualTo(estate.parameterArn(materializedCopy()));
    assertThat(estate.valueOf(materializedCopy()))
        .isEqualTo(estate.canaries.get(6));

    String function = inventory.lambda.listFunctions().functions().stream()
        .filter(f -> f.functionName().contains("statements")).findFirst().orElseThrow().functionName();
    GetFunctionResponse lambda = inventory.lambda.getFunction(b -> b.functionName(function));
    assertThat(lambda.configuration().codeSha256()).as("the bytes of the pinned package")
        .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(LAMBDA_BYTES)));
    JsonNode state = JSON.readTree(Files.readString(dir.resolve(".phoenix/prod/aws/state/shop-prod.tfstate")));
    assertThat(lambdaAttribute(state, "s3_object_version")).as("moto ignores it; the state keeps the pin")
        .isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
  }

  /**
   * The engine saves local state by truncating the file, then writing it: killed between the two,
   * it leaves the file empty, and would then plan every resource again beside those that run, or
   * destroy nothing and say so. Phoenix stops both before the engine reads it; the state put back,
   * the next plan changes nothing (the test after this one).
   */
  @Test
  @Order(3)
  void aStateACutShortSaveEmptiedStopsThePlanAndTheTeardownUntilItIsPutBack() throws Exception {
    Path state = dir.resolve(".phoenix/prod/aws/state/shop-prod.tfstate");
    byte[] good = Files.readAllBytes(state);
    List<String> built = inventory.snapshot();
    for (String cut : List.of("", new String(good, StandardCharsets.UTF_8).substring(0, good.length / 3))) {
      Files.writeString(state, cut);
      int mark = lines.size();
      RebuildResult stopped = rebuild(false, false);
      assertThat(stopped.outcome()).as(String.join("\n", lines)).isEqualTo(RebuildOutcome.FAILED);
      assertThat(stopped.record().failureReason()).contains("the Terraform state " + state,
          "would create each one again", "nothing was planned or destroyed");
      assertThat(lines.subList(mark, lines.size())).as("the engine never ran")
          .noneMatch(l -> l.contains(": init") || l.contains(": plan"));

      try (Stores stores = teardownStores()) {
        assertThatThrownBy(() -> teardown(stores).run(new AwsTeardown.Request("prod", dir, dir.resolve(".phoenix"),
            teardownFlags(), null, Duration.ofMinutes(5)), Confirm.yes(), Progress.silent()))
            .isInstanceOf(PhoenixException.class).hasMessageContaining("the Terraform state " + state)
            .satisfies(e -> assertThat(((PhoenixException) e).kind()).isEqualTo(PhoenixException.Kind.INPUT));
      }
      assertThat(inventory.snapshot()).as("nothing created or destroyed").isEqualTo(built);
    }
    Files.write(state, good);
  }

  @Test
  @Order(4)
  void aSecondPlanChangesNothing() throws Exception {
    RebuildResult again = rebuild(false, false);
    assertThat(again.outcome()).as(String.join("\n", lines)).isEqualTo(RebuildOutcome.PLANNED);
    ProcessEngine engine = new ProcessEngine(EngineBinary.of(engine()), Duration.ofMinutes(5), l -> { },
        childEnv(new ProviderMirror(MIRROR).writeConfig(dir)));
    List<String> changed = new java.util.ArrayList<>();
    for (JsonNode change : JSON.readTree(engine.showPlanJson(workDir(), workDir().resolve(TerraformDeployer.PLAN_FILE)))
        .path("resource_changes")) {
      String actions = change.path("change").path("actions").toString();
      if (!actions.equals("[\"no-op\"]") && !actions.equals("[\"read\"]")) {
        changed.add(change.path("address").asText() + " " + actions + " before=" + change.path("change").path("before")
            + " after=" + change.path("change").path("after"));
      }
    }
    assertThat(changed).isEmpty();
    assertThat(again.record().stacks().get(0).planned()).isEqualTo("0 to add, 0 to change, 0 to destroy");
  }

  @Test
  @Order(5)
  void teardownRefusesAStateItDidNotWriteAndThenLeavesMotoAsItWas() throws Exception {
    List<String> built = inventory.snapshot();
    assertThat(built).hasSizeGreaterThan(before.size() + 20);
    Stores stores = teardownStores();
    AwsTeardown teardown = teardown(stores);
    Map<String, String> flags = teardownFlags();
    assertThatThrownBy(() -> teardown.run(new AwsTeardown.Request("staging", dir, dir.resolve(".phoenix-staging"),
        flags, null, Duration.ofMinutes(5)), Confirm.yes(), Progress.silent()))
        .isInstanceOf(PhoenixException.class).hasMessageContaining("no AWS rebuild of staging");
    for (String marker : List.of("", "\"output\": {\"phoenix_rebuild\": {\"value\": {\"managed_by\": \"phoenix\","
        + " \"environment\": \"staging\", \"name_prefix\": \"shop-prod\"}}},")) {
      Path foreign = Files.createDirectories(dir.resolve(".foreign/prod/aws/stacks/environment"));
      Files.writeString(foreign.resolve("cdk.tf.json"), "{" + marker
          + "\"resource\": {\"terraform_data\": {\"theirs\": {\"input\": \"keep me\"}}}}");
      ProcessEngine engine = new ProcessEngine(EngineBinary.of(engine()), Duration.ofMinutes(5), lines::add,
          childEnv(new ProviderMirror(MIRROR).writeConfig(dir)));
      engine.init(foreign);
      engine.plan(foreign, foreign.resolve("p.tfplan"), "abcdef0");
      engine.apply(foreign, foreign.resolve("p.tfplan"), "abcdef0");
      assertThatThrownBy(() -> teardown.run(new AwsTeardown.Request("prod", dir, dir.resolve(".foreign"),
          flags, null, Duration.ofMinutes(5)), Confirm.yes(), Progress.silent()))
          .isInstanceOf(PhoenixException.class)
          .hasMessageContaining("refusing to destroy the state of " + foreign)
          .hasMessageContaining("no phoenix_rebuild output saying phoenix rebuild --env prod wrote it");
      assertThat(engine.stateResources(foreign)).as("left alone").hasSize(1);
      Files.delete(foreign.resolve("terraform.tfstate"));
    }
    assertThat(inventory.snapshot()).as("nothing destroyed yet").isEqualTo(built);

    AwsTeardown.Result result = teardown.run(new AwsTeardown.Request("prod", dir, dir.resolve(".phoenix"), flags,
        null, Duration.ofMinutes(10)), Confirm.yes(), Progress.silent());

    assertThat(result.destroyed()).isEqualTo(planned.record().stacks().get(0).planned().split(" ")[0].transform(Integer::parseInt));
    assertThat(result.copiesDeleted()).containsExactly(materializedCopy());
    assertThat(inventory.snapshot()).isEqualTo(before);
    assertThat(estate.versionOf("/prod/payments/database-url")).as("the original is left alone").isEqualTo(8);
    stores.close();
  }

  /** As phoenix teardown opens them: the materialized copies are deleted through the run's SSM client. */
  private Stores teardownStores() {
    return Stores.open(StoreSettings.of(dev.phoenix.aws.AwsConfig.forEndpoint(moto.endpoint(),
        MotoEstate.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY), java.util.Set.of()));
  }

  private AwsTeardown teardown(Stores stores) {
    return new AwsTeardown(deployer(), ConfigServices.of(r -> stores.region(r).ssm(), r -> stores.region(r).secrets()));
  }

  private Map<String, String> teardownFlags() {
    return Map.of("region", MotoEstate.REGION, "account", "123456789012", "namePrefix", "shop-prod",
        "endpoint", moto.endpoint().toString(), TerraformDeployer.MIRROR_OPTION, MIRROR.toString());
  }

  private static String lambdaAttribute(JsonNode state, String attribute) {
    for (JsonNode resource : state.path("resources")) {
      if (resource.path("type").asText().equals("aws_lambda_function")) {
        return resource.path("instances").get(0).path("attributes").path(attribute).asText();
      }
    }
    throw new AssertionError("no aws_lambda_function in the state");
  }

}
