package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.model.Stack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blueprint fields of the AWS rebuild: health grace period, task policies, function timeout. */
class StackBlueprintTest {
  private static final String FILE = "stacks/apps.yaml";

  private static Parsed<Stack> read(String body) {
    String yaml = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\n" + body;
    return StackReader.read(FILE, yaml.getBytes(StandardCharsets.UTF_8), "apps");
  }

  private static List<String> problems(String body) {
    return read(body).problems().stream().map(Problem::render).toList();
  }

  @Test
  void defaultsAreAOneMinuteGracePeriodNoTaskPoliciesAndAThirtySecondTimeout() {
    Stack stack = read("""
        services:
          - {name: api, artefact: api, port: 8080, health: /healthz}
          - {name: worker, artefact: worker, port: 9000}
        functions:
          - {name: fn, artefact: fn, handler: app.handler, runtime: python3.12}
        """).value();
    assertThat(stack.services().get(0).healthGrace()).isEqualTo(60);
    assertThat(stack.services().get(0).taskPolicies()).isEmpty();
    assertThat(stack.services().get(1).health()).as("a worker: not published").isNull();
    assertThat(stack.functions().get(0).timeout()).isEqualTo(30);
  }

  @Test
  void givenValuesAreRead() {
    Stack stack = read("""
        services:
          - name: api
            artefact: api
            port: 8080
            health: /healthz
            healthGrace: 180
            taskPolicies: [arn:aws:iam::123456789012:policy/api-s3, arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess]
        functions:
          - {name: fn, artefact: fn, handler: app.handler, runtime: python3.12, timeout: 900, memory: 1024}
        """).value();
    assertThat(stack.services().get(0).healthGrace()).isEqualTo(180);
    assertThat(stack.services().get(0).taskPolicies()).containsExactly(
        "arn:aws:iam::123456789012:policy/api-s3", "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess");
    assertThat(stack.functions().get(0).timeout()).isEqualTo(900);
    assertThat(stack.functions().get(0).memory()).isEqualTo(1024);
  }

  @Test
  void everyBadValueIsReportedWithItsLine() {
    assertThat(problems("""
        services:
          - {name: worker, artefact: worker, port: 9000, healthGrace: 30}
          - {name: api, artefact: api, port: 80, health: /h, healthGrace: 9000, taskPolicies: [AdministratorAccess]}
        functions:
          - {name: fn, artefact: fn, handler: app.handler, runtime: python3.12, timeout: 901}
        """)).containsExactly(
        "stacks/apps.yaml:5: services[0].healthGrace without a health path: a service without one is not published "
            + "on a load balancer, so nothing checks it — add health: /healthz or drop healthGrace",
        "stacks/apps.yaml:6: services[1].healthGrace is 9000, outside the allowed range: from 0 to 7200 — "
            + "write a number from 0 to 7200",
        "stacks/apps.yaml:6: services[1].taskPolicies: 'AdministratorAccess' is not an IAM managed policy ARN — e.g. "
            + "arn:aws:iam::123456789012:policy/payments-api or arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "stacks/apps.yaml:8: functions[0].timeout is 901, outside the allowed range: from 1 to 900 — "
            + "write a number from 1 to 900");
  }
}
