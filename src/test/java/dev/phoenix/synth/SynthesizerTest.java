package dev.phoenix.synth;

import static dev.phoenix.synth.SampleRequests.*;
import static dev.phoenix.synth.SynthJson.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizerTest {

  /** Stands for a secret value that exists in the world; it must never reach any written file. */
  private static final String CANARY = "canary-Pa55w0rd-7f3e9c1d-never-written";

  @TempDir Path out;

  @Test
  void synthesizesPinnedImagesSecretRefsAndFunctionVersions() throws Exception {
    SynthRequest request = twoServices(StateBackend.local());
    SynthResult result = new Synthesizer().synthesize(request, out, "rev-1");

    assertThat(result.cacheHit()).isFalse();
    assertThat(result.stacks()).containsOnlyKeys(SynthRequest.ROOT_STACK);
    JsonNode core = read(result.stacks().get(SynthRequest.ROOT_STACK));
    assertThat(core.path("data").has("terraform_remote_state"))
        .as("one configuration: nothing read from a state that may not exist yet").isFalse();
    for (ServiceSpec service : request.stacks().get(0).services()) {
      String id = "svc_" + service.name();
      JsonNode task = resource(core, "aws_ecs_task_definition", id + "_task");
      JsonNode containers = parse(task.path("container_definitions").asText());
      assertThat(containers).hasSize(1);
      JsonNode container = containers.get(0);
      assertThat(container.path("image").asText()).isEqualTo(service.image());
      assertThat(container.path("secrets")).hasSize(service.secrets().size());
      for (JsonNode secret : container.path("secrets")) {
        assertThat(secret.has("value")).isFalse();
        assertThat(secret.path("valueFrom").asText())
            .isEqualTo(service.secrets().get(secret.path("name").asText()))
            .startsWith("arn:aws:");
      }
      assertThat(container.path("environment").get(0).path("value").asText())
          .isEqualTo(service.env().values().iterator().next());
      assertThat(container.path("logConfiguration").path("logDriver").asText())
          .isEqualTo("awslogs");

      JsonNode policy =
          parse(resource(core, "aws_iam_role_policy", id + "_execution_policy")
              .path("policy").asText());
      assertThat(strings(statement(policy, "PinnedSecrets").path("Resource")))
          .containsExactlyElementsOf(service.grants().secretArns());
      assertThat(strings(statement(policy, "PinnedSecrets").path("Action")))
          .containsExactly("secretsmanager:GetSecretValue");
      assertThat(strings(statement(policy, "PinnedParameters").path("Resource")))
          .containsExactlyElementsOf(service.grants().parameterArns());
      assertThat(strings(statement(policy, "PinnedParameters").path("Action")))
          .containsExactly("ssm:GetParameters");

      JsonNode group = resource(core, "aws_lb_target_group", id + "_tg");
      assertThat(group.path("health_check").path("path").asText())
          .isEqualTo(service.healthPath());
      JsonNode ecs = resource(core, "aws_ecs_service", id);
      assertThat(strings(ecs.path("network_configuration").path("subnets")))
          .containsExactly("${aws_subnet.private_0.id}", "${aws_subnet.private_1.id}");
      assertThat(ecs.path("cluster").asText()).isEqualTo("${aws_ecs_cluster.cluster.arn}");
      assertThat(ecs.path("wait_for_steady_state").asBoolean()).isTrue();
      assertThat(ecs.has("lifecycle")).as("no emulator switch for real AWS").isFalse();
      assertThat(ecs.path("desired_count").asInt()).isEqualTo(service.replicas());
    }

    JsonNode jobs = core;
    FunctionSpec function = request.stacks().get(1).functions().get(0);
    JsonNode lambda = resource(jobs, "aws_lambda_function", "fn_thumbnailer");
    assertThat(lambda.path("s3_object_version").asText()).isEqualTo(LAMBDA_VERSION);
    assertThat(lambda.path("s3_bucket").asText()).isEqualTo(function.s3Bucket());
    assertThat(lambda.path("s3_key").asText()).isEqualTo(function.s3Key());
    assertThat(lambda.path("environment").path("variables").path("QUEUE_REF").asText())
        .isEqualTo("ssm:" + JOBS_QUEUE_PARAM + ":7");
    JsonNode functionPolicy =
        parse(resource(jobs, "aws_iam_role_policy", "fn_thumbnailer_policy")
            .path("policy").asText());
    assertThat(strings(statement(functionPolicy, "PinnedParameters").path("Resource")))
        .containsExactly(JOBS_QUEUE_PARAM);
    assertThat(functionPolicy.toString()).doesNotContain("PinnedSecrets");

    assertThat(strings(lambda.path("depends_on")))
        .as("stack jobs depends on core: its function waits for every resource of core")
        .contains("aws_ecs_service.svc_api", "aws_ecs_service.svc_web", "aws_cloudwatch_log_group.fn_thumbnailer_logs",
            "aws_ecs_task_definition.svc_api_task")
        .noneMatch(d -> d.startsWith("aws_vpc"));
    assertThat(resource(core, "aws_ecs_service", "svc_api").path("depends_on").toString())
        .as("core depends on nothing but the network, by reference").doesNotContain("lambda");
    assertThat(core.path("terraform").path("required_providers").path("aws").path("source").asText())
        .isEqualTo("registry.terraform.io/hashicorp/aws");
    assertThat(core.path("terraform").path("backend").path("local").path("path").asText())
        .isEqualTo(out.resolve("state").resolve("shop-test.tfstate").toString());
    assertThat(core.path("output").path("phoenix_rebuild").path("value").toString())
        .isEqualTo("{\"environment\":\"shop-test\",\"managed_by\":\"phoenix\",\"name_prefix\":\"shop-test\"}");
    JsonNode network = core;
    assertThat(network.path("output").fieldNames())
        .toIterable()
        .contains("vpc_id", "private_subnet_ids", "http_listener_arn", "cluster_arn");
    assertThat(resource(network, "aws_vpc", "vpc").path("cidr_block").asText())
        .isEqualTo("10.0.0.0/16");

    List<String[]> files = allFiles(out);
    assertThat(files).hasSizeGreaterThanOrEqualTo(3); // manifest, the configuration, the cache marker
    for (String[] file : files) {
      assertThat(file[1]).as(file[0]).doesNotContain(CANARY);
    }
    System.out.printf("synth 2 services + 1 function: %s%n", result.timings());
  }

  @Test
  void emulatorSwitchTurnsOffTheSteadyStateWaitAndTheMarkerNamesTheEnvironment() throws Exception {
    SynthRequest request = twoServices(StateBackend.local()).withEnvironment("prod")
        .withEmulator(new EmulatorSwitches(false, true));
    JsonNode root = read(new Synthesizer().synthesize(request, out, "emulated").stacks()
        .get(SynthRequest.ROOT_STACK));
    for (String service : List.of("svc_api", "svc_web")) {
      assertThat(resource(root, "aws_ecs_service", service).path("wait_for_steady_state").asBoolean())
          .as(service).isFalse();
      assertThat(strings(resource(root, "aws_ecs_service", service).path("lifecycle").path("ignore_changes")))
          .as(service).containsExactly("availability_zone_rebalancing", "health_check_grace_period_seconds");
    }
    assertThat(root.path("output").path("phoenix_rebuild").path("value").path("environment").asText())
        .isEqualTo("prod");
  }

  @Test
  void escapesTerraformTemplateSyntaxInLiterals() throws Exception {
    String injected = "${aws_secretsmanager_secret_version.db.secret_string}";
    ServiceSpec service =
        new ServiceSpec("echo", image("echo", 9), 80, "/", 256, 512, 1,
            Map.of("TEMPLATE", injected, "DIRECTIVE", "%{if true}x%{endif}"), Map.of(),
            Grants.NONE);
    SynthRequest request =
        new SynthRequest(target(StateBackend.local()),
            List.of(new StackSpec("edge", List.of(), List.of(service), List.of())));

    SynthResult result = new Synthesizer().synthesize(request, out, "escape");

    JsonNode edge = read(result.stacks().get(SynthRequest.ROOT_STACK));
    String definitions =
        resource(edge, "aws_ecs_task_definition", "svc_echo_task")
            .path("container_definitions").asText();
    assertThat(definitions)
        .contains("$$" + injected.substring(1))
        .contains("%%{if true}x%%{endif}")
        .doesNotContain("\"" + injected + "\"");
  }

  @Test
  void s3BackendWithLockingAndOneStatePerEnvironmentAndDrill() throws Exception {
    StateBackend s3 = new StateBackend.S3("shop-state", "/envs/test/", "eu-central-1", "tf-locks");
    SynthResult result = new Synthesizer().synthesize(twoServices(s3), out, "s3");

    JsonNode core = read(result.stacks().get(SynthRequest.ROOT_STACK));
    JsonNode backend = core.path("terraform").path("backend").path("s3");
    assertThat(backend.path("bucket").asText()).isEqualTo("shop-state");
    assertThat(backend.path("key").asText())
        .isEqualTo("envs/test/test/" + SampleRequests.DRILL + "/environment.tfstate");
    JsonNode other = read(new Synthesizer().synthesize(
        SampleRequests.twoServices(SampleRequests.target(s3, "e5f6a7b8")), out.resolve("second"), "s3")
        .stacks().get(SynthRequest.ROOT_STACK));
    assertThat(other.path("terraform").path("backend").path("s3").path("key").asText())
        .as("a second drill of the environment has a state of its own")
        .isEqualTo("envs/test/test/e5f6a7b8/environment.tfstate");
    assertThat(backend.path("region").asText()).isEqualTo("eu-central-1");
    assertThat(backend.path("dynamodb_table").asText()).isEqualTo("tf-locks");
    assertThat(backend.path("encrypt").asBoolean()).isTrue();
    assertThat(core.path("data").has("terraform_remote_state")).isFalse();
    assertThat(out.resolve("state")).doesNotExist();
  }
}
