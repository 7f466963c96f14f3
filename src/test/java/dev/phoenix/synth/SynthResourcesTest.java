package dev.phoenix.synth;

import static dev.phoenix.synth.SampleRequests.*;
import static dev.phoenix.synth.SynthJson.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each synthesized resource must be so a drill can neither adopt nor collide, survives a
 * zone failure, and runs exactly the pinned artefacts with exactly the rights it needs: asserted
 * on the JSON of {@link SampleRequests#everything} (drills A and B) and of {@link
 * SampleRequests#twoServices} (defaults).
 */
class SynthResourcesTest {

  private static final String A = "aaaa1111";
  private static final String B = "bbbb2222";
  /** Attributes that name a resource in AWS. */
  private static final List<String> NAME_FIELDS = List.of("name", "function_name", "family");

  @TempDir static Path out;
  private static Map<String, JsonNode> drillA;
  private static Map<String, JsonNode> drillB;
  private static Map<String, JsonNode> defaults;

  @BeforeAll
  static void synthesize() throws Exception {
    drillA = stacks(everything(StateBackend.local(), A), "a");
    drillB = stacks(everything(StateBackend.local(), B), "b");
    defaults = stacks(twoServices(StateBackend.local()), "defaults");
  }

  private static Map<String, JsonNode> stacks(SynthRequest request, String dir) throws Exception {
    SynthResult result = new Synthesizer().synthesize(request, out.resolve(dir), dir);
    Map<String, JsonNode> stacks = new java.util.LinkedHashMap<>();
    result.stacks().forEach((name, file) -> stacks.put(name, read(file)));
    return stacks;
  }

  @Test
  void everyNameCarriesTheDrillIdSoTwoDrillsOfOneEnvironmentAreDisjoint() {
    Set<String> namesA = names(drillA);
    Set<String> namesB = names(drillB);
    assertThat(namesA).hasSizeGreaterThan(20);
    assertThat(namesA).allSatisfy(name -> assertThat(name).contains(A));
    assertThat(namesB).allSatisfy(name -> assertThat(name).contains(B));
    Set<String> shared = new HashSet<>(namesA);
    shared.retainAll(namesB);
    assertThat(shared).as("names both drills would use").isEmpty();

    JsonNode network = drillA.get(SynthRequest.ROOT_STACK);
    assertThat(resource(network, "aws_ecs_cluster", "cluster").path("name").asText())
        .as("never the bare environment name, which CreateCluster would adopt")
        .isEqualTo("shop-test-" + A);
    assertThat(resource(network, "aws_lb", "alb").path("name").asText())
        .isEqualTo("shop-test-alb-" + A);
    assertThat(resource(drillA.get(SynthRequest.ROOT_STACK), "aws_iam_role", "svc_api_execution_role")
            .path("name").asText())
        .isEqualTo("shop-test-api-exec-" + A);
    assertThat(resource(drillA.get(SynthRequest.ROOT_STACK), "aws_lambda_function", "fn_reporter")
            .path("function_name").asText())
        .isEqualTo("shop-test-reporter-" + A);
    assertThat(resource(drillA.get(SynthRequest.ROOT_STACK), "aws_cloudwatch_log_group", "svc_api_logs")
            .path("name").asText())
        .isEqualTo("/phoenix/shop-test-" + A + "/api");
  }

  @Test
  void longNamesStayWithinAwsLimitsKeepTheDrillIdAndStayDistinct() {
    TargetOptions target =
        new TargetOptions("eu-west-1", "a-very-long-prefix-x", java.util.Optional.empty(), null)
            .withScope(new Scope("production", "abcdef123456", COMMIT));
    String service = "payments-settlement-reconciliation-api";
    String tg = Names.scoped(target, service, Names.LB_MAX);
    String role = Names.scoped(target, service + "-exec", Names.ROLE_MAX);
    assertThat(tg).hasSizeLessThanOrEqualTo(32).endsWith("-abcdef123456");
    assertThat(role).hasSizeLessThanOrEqualTo(64).endsWith("-abcdef123456");
    assertThat(Names.scoped(target, service, Names.LB_MAX)).isEqualTo(tg);
    assertThat(Names.scoped(target, service + "2", Names.LB_MAX)).isNotEqualTo(tg);
    assertThat(Names.scoped(target.withScope(new Scope("production", "abcdef123457", COMMIT)),
            service, Names.LB_MAX))
        .isNotEqualTo(tg);
    for (Map<String, JsonNode> stacks : List.of(drillA, drillB, defaults)) {
      for (JsonNode stack : stacks.values()) {
        stack.path("resource").path("aws_lb").forEach(
            lb -> assertThat(lb.path("name").asText()).hasSizeLessThanOrEqualTo(32));
        stack.path("resource").path("aws_lb_target_group").forEach(
            g -> assertThat(g.path("name").asText()).hasSizeLessThanOrEqualTo(32));
        stack.path("resource").path("aws_iam_role").forEach(
            r -> assertThat(r.path("name").asText()).hasSizeLessThanOrEqualTo(64));
        stack.path("resource").path("aws_lambda_function").forEach(
            f -> assertThat(f.path("function_name").asText()).hasSizeLessThanOrEqualTo(64));
      }
    }
  }

  @Test
  void everyStackTagsEnvironmentDrillAndCommitAndRunnersTheirArtefactVersion() {
    for (Map.Entry<String, JsonNode> stack : drillA.entrySet()) {
      JsonNode tags = stack.getValue().path("provider").path("aws").get(0).path("default_tags")
          .get(0).path("tags");
      assertThat(tags.path("phoenix:env").asText()).as(stack.getKey()).isEqualTo("test");
      assertThat(tags.path("phoenix:drill-id").asText()).as(stack.getKey()).isEqualTo(A);
      assertThat(tags.path("phoenix:commit").asText()).as(stack.getKey()).isEqualTo(COMMIT);
    }
    JsonNode core = drillA.get(SynthRequest.ROOT_STACK);
    assertThat(resource(core, "aws_ecs_task_definition", "svc_api_task").path("tags")
            .path("phoenix:artefact-version").asText())
        .isEqualTo("1.4.2-318-9f3c2ab");
    JsonNode api = resource(core, "aws_ecs_service", "svc_api");
    assertThat(api.path("tags").path("phoenix:artefact-version").asText())
        .isEqualTo("1.4.2-318-9f3c2ab");
    assertThat(api.path("propagate_tags").asText()).isEqualTo("SERVICE");
    assertThat(resource(drillA.get(SynthRequest.ROOT_STACK), "aws_lambda_function", "fn_reporter").path("tags")
            .path("phoenix:artefact-version").asText())
        .isEqualTo("1.0.0-3-ee44ff5");
  }

  @Test
  void zonesAreChosenByZoneIdAndNatGatewaysPerZoneByDefault() {
    JsonNode given = drillA.get(SynthRequest.ROOT_STACK);
    List<String> zones = new ArrayList<>();
    for (String tier : List.of("public", "private")) {
      for (int i = 0; i < 3; i++) {
        JsonNode subnet = resource(given, "aws_subnet", tier + "_" + i);
        zones.add(subnet.path("availability_zone_id").asText());
        assertThat(subnet.has("availability_zone")).isFalse();
      }
    }
    assertThat(zones).containsExactly("euw1-az3", "euw1-az1", "euw1-az2", "euw1-az3", "euw1-az1",
        "euw1-az2");
    assertThat(given.path("data").has("aws_availability_zones")).isFalse();
    assertThat(given.path("resource").path("aws_nat_gateway").size()).as("single").isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      assertThat(resource(given, "aws_route", "private_routes_" + i + "_default")
              .path("nat_gateway_id").asText())
          .isEqualTo("${aws_nat_gateway.nat_gw_0.id}");
    }

    JsonNode chosen = defaults.get(SynthRequest.ROOT_STACK);
    JsonNode lookup = chosen.path("data").path("aws_availability_zones").path("zones");
    assertThat(lookup.has("state")).as("no state filter: an impaired zone must not shift the list")
        .isFalse();
    assertThat(lookup.path("filter").get(0).path("name").asText()).isEqualTo("opt-in-status");
    for (int i = 0; i < 2; i++) {
      assertThat(resource(chosen, "aws_subnet", "private_" + i).path("availability_zone_id")
              .asText())
          .isEqualTo("${element(sort(data.aws_availability_zones.zones.zone_ids), " + i + ")}");
      assertThat(resource(chosen, "aws_route", "private_routes_" + i + "_default")
              .path("nat_gateway_id").asText())
          .isEqualTo("${aws_nat_gateway.nat_gw_" + i + ".id}");
      assertThat(resource(chosen, "aws_nat_gateway", "nat_gw_" + i).path("subnet_id").asText())
          .isEqualTo("${aws_subnet.public_" + i + ".id}");
    }
  }

  @Test
  void onlyServicesWithAHealthPathArePublishedAndTheyGetAGracePeriod() {
    JsonNode core = drillA.get(SynthRequest.ROOT_STACK);
    JsonNode worker = resource(core, "aws_ecs_service", "svc_worker");
    assertThat(worker.has("load_balancer")).isFalse();
    assertThat(worker.has("health_check_grace_period_seconds")).isFalse();
    assertThat(core.path("resource").path("aws_lb_target_group").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("svc_api_tg", "svc_web_tg");
    assertThat(core.path("resource").path("aws_lb_listener_rule").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("svc_api_rule", "svc_web_rule");
    assertThat(resource(core, "aws_ecs_service", "svc_api")
            .path("health_check_grace_period_seconds").asInt())
        .isEqualTo(120);
    assertThat(resource(defaults.get(SynthRequest.ROOT_STACK), "aws_ecs_service", "svc_web")
            .path("health_check_grace_period_seconds").asInt())
        .isEqualTo(ServiceSpec.DEFAULT_HEALTH_GRACE_SECONDS);
  }

  @Test
  void functionsHaveTimeoutMemoryCodeHashAndABucketRegionPrecondition() {
    JsonNode jobs = drillA.get(SynthRequest.ROOT_STACK);
    JsonNode reporter = resource(jobs, "aws_lambda_function", "fn_reporter");
    assertThat(reporter.path("timeout").asInt()).isEqualTo(300);
    assertThat(reporter.path("memory_size").asInt()).isEqualTo(512);
    assertThat(reporter.path("source_code_hash").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(
            HexFormat.of().parseHex("%064x".formatted(42))));
    JsonNode thumbnailer = resource(jobs, "aws_lambda_function", "fn_thumbnailer");
    assertThat(thumbnailer.path("timeout").asInt()).isEqualTo(45);
    assertThat(thumbnailer.path("source_code_hash").asText())
        .isEqualTo("S4JdxkLLbrmgYOVL+NaSiPvuSQSy0fim4MXS+LmjHAc=");
    JsonNode precondition = reporter.path("lifecycle").path("precondition").get(0);
    assertThat(precondition.path("condition").asText())
        .isEqualTo("${data.aws_s3_bucket.fn_reporter_code_bucket.region == \"eu-west-1\"}");
    assertThat(precondition.path("error_message").asText())
        .contains("bucket shop-artefacts").contains("in its own region");
    assertThat(jobs.path("data").path("aws_s3_bucket").path("fn_reporter_code_bucket")
            .path("bucket").asText())
        .isEqualTo("shop-artefacts");
  }

  @Test
  void functionsReadSecretsOnlyAtThePinnedVersionAndDecryptWithExactlyTheirKeys() {
    JsonNode jobs = drillA.get(SynthRequest.ROOT_STACK);
    JsonNode variables = resource(jobs, "aws_lambda_function", "fn_reporter").path("environment")
        .path("variables");
    assertThat(variables.path("DB_PASSWORD").asText())
        .isEqualTo("secret:" + DB_SECRET + ":0f6f2a1c-1d2e-4c3b-9a8b-7c6d5e4f3a2b");
    JsonNode policy = parse(resource(jobs, "aws_iam_role_policy", "fn_reporter_policy")
        .path("policy").asText());
    JsonNode secrets = statement(policy, "PinnedSecrets");
    assertThat(strings(secrets.path("Resource"))).containsExactly(DB_SECRET);
    assertThat(strings(secrets.path("Condition").path("StringEquals")
            .path("secretsmanager:VersionId")))
        .containsExactly("0f6f2a1c-1d2e-4c3b-9a8b-7c6d5e4f3a2b");
    assertThat(strings(statement(policy, "PinnedKeys").path("Resource"))).containsExactly(DB_KEY);
    assertThat(strings(statement(policy, "PinnedKeys").path("Action")))
        .containsExactly("kms:Decrypt");
  }

  @Test
  void executionRolesDecryptExactlyTheCustomerKeysAndReadExactlyTheRegistrySecret() {
    JsonNode core = drillA.get(SynthRequest.ROOT_STACK);
    JsonNode api = parse(resource(core, "aws_iam_role_policy", "svc_api_execution_policy")
        .path("policy").asText());
    assertThat(strings(statement(api, "PinnedKeys").path("Resource"))).containsExactly(DB_KEY);
    JsonNode web = parse(resource(core, "aws_iam_role_policy", "svc_web_execution_policy")
        .path("policy").asText());
    JsonNode byAlias = statement(web, "PinnedKeyAliases");
    assertThat(strings(byAlias.path("Resource")))
        .containsExactly("arn:aws:kms:eu-west-1:123456789012:key/*");
    assertThat(strings(byAlias.path("Condition").path("ForAnyValue:StringEquals")
            .path("kms:ResourceAliases")))
        .containsExactly("alias/shop-flags");
    assertThat(web.toString()).doesNotContain("PinnedKeys\"");

    JsonNode worker = parse(resource(core, "aws_ecs_task_definition", "svc_worker_task")
        .path("container_definitions").asText()).get(0);
    assertThat(worker.path("repositoryCredentials").path("credentialsParameter").asText())
        .isEqualTo(REGISTRY_SECRET);
    JsonNode workerPolicy = parse(resource(core, "aws_iam_role_policy",
        "svc_worker_execution_policy").path("policy").asText());
    assertThat(strings(statement(workerPolicy, "RegistryCredentials").path("Resource")))
        .containsExactly(REGISTRY_SECRET);
    assertThat(workerPolicy.toString()).doesNotContain("ecr:");
    JsonNode apiContainer = parse(resource(core, "aws_ecs_task_definition", "svc_api_task")
        .path("container_definitions").asText()).get(0);
    assertThat(apiContainer.has("repositoryCredentials")).as("ECR needs none").isFalse();
  }

  @Test
  void everyServiceHasItsOwnTaskRoleSeparateFromTheExecutionRole() {
    JsonNode core = drillA.get(SynthRequest.ROOT_STACK);
    for (String service : List.of("api", "web", "worker")) {
      JsonNode task = resource(core, "aws_ecs_task_definition", "svc_" + service + "_task");
      assertThat(task.path("task_role_arn").asText())
          .isEqualTo("${aws_iam_role.svc_" + service + "_task_role.arn}");
      assertThat(task.path("execution_role_arn").asText())
          .isEqualTo("${aws_iam_role.svc_" + service + "_execution_role.arn}");
    }
    JsonNode attachments = core.path("resource").path("aws_iam_role_policy_attachment");
    assertThat(attachments.fieldNames()).toIterable().containsExactly("svc_api_task_policy_0");
    assertThat(attachments.path("svc_api_task_policy_0").path("policy_arn").asText())
        .isEqualTo(AUDIT_POLICY);
    assertThat(attachments.path("svc_api_task_policy_0").path("role").asText())
        .isEqualTo("${aws_iam_role.svc_api_task_role.name}");
    assertThat(core.path("resource").path("aws_iam_role_policy").has("svc_api_task_policy"))
        .as("the task role has no inline policy of Phoenix's").isFalse();
  }

  @Test
  void stateKeysArePerEnvironmentAndDrill() {
    TargetOptions a = target(StateBackend.local(), A);
    assertThat(Names.stateKey(a, "", "core")).isEqualTo("test/" + A + "/core.tfstate");
    assertThat(Names.stateKey(a, "/states/", "network")).isEqualTo("states/test/" + A + "/network.tfstate");
    assertThat(Names.stateKey(target(StateBackend.local(), B), "", "core"))
        .isNotEqualTo(Names.stateKey(a, "", "core"));
    TargetOptions staging = a.withScope(new Scope("staging", A, COMMIT));
    assertThat(Names.stateKey(staging, "", "core")).isEqualTo("staging/" + A + "/core.tfstate");
  }

  /** Every AWS name any resource of the stacks gives (log group, role, cluster, ...). */
  private static Set<String> names(Map<String, JsonNode> stacks) {
    Set<String> names = new HashSet<>();
    for (JsonNode stack : stacks.values()) {
      stack.path("resource").forEach(type -> type.fields().forEachRemaining(resource -> {
        if (resource.getKey().equals("svc_api_execution_policy")
            || resource.getValue().path("//").path("metadata").path("path").asText()
                .contains("_policy")
            || stack.path("resource").path("aws_ecs_service").has(resource.getKey())) {
          return; // inline policy names live inside their role; ECS service names inside the cluster
        }
        for (String field : NAME_FIELDS) {
          JsonNode name = resource.getValue().path(field);
          if (name.isTextual()) {
            names.add(name.asText());
          }
        }
      }));
      stack.path("resource").forEach(type -> type.forEach(resource -> {
        JsonNode tagName = resource.path("tags").path("Name");
        if (tagName.isTextual()) {
          names.add(tagName.asText());
        }
      }));
    }
    return names;
  }
}
