package dev.phoenix.synth;

import static dev.phoenix.synth.SampleRequests.*;
import static dev.phoenix.synth.SynthJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's {@code {datastore: NAME}} variables on the aws target: the container environment
 * holds a Terraform reference to the restored RDS instance's address and port, or to the restored
 * table's name (the SDK-restored table's name as it is), never a literal address and never a
 * password; the password stays a secret reference.
 */
class SynthDatastoreAddressTest {
  @TempDir static Path out;
  private static JsonNode stack;
  private static String text;

  /** {@link SampleRequests#withDatastores} plus stack {@code ledger} (after {@code data}) reading all four. */
  static SynthRequest request(Map<String, String> datastores, List<String> dependsOn) {
    SynthRequest base = withDatastores(twoServices(StateBackend.local()));
    List<StackSpec> stacks = new ArrayList<>(base.stacks());
    stacks.add(new StackSpec("ledger", dependsOn, List.of(ledger(datastores)), List.of()));
    return new SynthRequest(base.target(), stacks, base.environment(), base.emulator());
  }

  static ServiceSpec ledger(Map<String, String> datastores) {
    return new ServiceSpec("ledger", image("shop/ledger", 7), "2.0.0", 9000, null, 0, 256, 512, 1,
        Map.of("LOG_LEVEL", "info"), Map.of("PGPASSWORD", DB_SECRET_PINNED),
        new Grants(List.of(), List.of(DB_SECRET)), null, TaskRole.NONE, datastores);
  }

  @BeforeAll
  static void synthesize() throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("DATABASE_URL", "ledger-db");
    all.put("AUDIT_URL", "audit-db");
    all.put("ORDERS_TABLE", "orders");
    all.put("SESSIONS_TABLE", "sessions");
    SynthResult result = new Synthesizer().synthesize(request(all, List.of("data")), out.resolve("s"), "addresses");
    Path file = result.stacks().get(SynthRequest.ROOT_STACK);
    text = Files.readString(file);
    stack = read(file);
  }

  private static Map<String, String> environment() {
    JsonNode task = resource(stack, "aws_ecs_task_definition", "svc_ledger_task");
    JsonNode container = parse(task.path("container_definitions").asText()).get(0);
    Map<String, String> env = new LinkedHashMap<>();
    container.path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  @Test
  void rdsAddressAndPortAreReferencesToTheRestoredInstance() {
    assertThat(environment()).containsEntry("DATABASE_URL",
        "postgres://${aws_db_instance.ds_ledger_db.address}:${aws_db_instance.ds_ledger_db.port}/postgres");
    assertThat(environment()).containsEntry("AUDIT_URL",
        "postgres://${aws_db_instance.ds_audit_db.address}:${aws_db_instance.ds_audit_db.port}/postgres");
  }

  @Test
  void dynamoTablesAreTheRestoredTablesNames() {
    assertThat(environment()).containsEntry("ORDERS_TABLE", "${aws_dynamodb_table.ds_orders.name}");
    assertThat(environment()).containsEntry("SESSIONS_TABLE", "shop-test-sessions-" + DRILL);
    assertThat(environment()).containsEntry("LOG_LEVEL", "info").hasSize(5);
  }

  @Test
  void noPasswordInTheConfigurationOnlyTheSecretReference() {
    JsonNode task = resource(stack, "aws_ecs_task_definition", "svc_ledger_task");
    JsonNode container = parse(task.path("container_definitions").asText()).get(0);
    assertThat(container.path("secrets").toString()).contains("PGPASSWORD", DB_SECRET_PINNED);
    assertThat(environment().values()).noneMatch(v -> v.contains("@") || v.contains("password"));
    assertThat(text).doesNotContainIgnoringCase("\"password\"").doesNotContain("master_password")
        .doesNotContain("postgres://postgres:");
  }

  @Test
  void aServiceWithoutDatastoresIsUnchanged() {
    JsonNode api = resource(stack, "aws_ecs_task_definition", "svc_api_task");
    String env = parse(api.path("container_definitions").asText()).get(0).path("environment").toString();
    assertThat(env).doesNotContain("aws_db_instance").doesNotContain("dynamodb");
  }

  @Test
  void aDatastoreTheRequestDoesNotRestoreOrThatWouldMakeACycleIsRefused() {
    assertThatThrownBy(() -> request(Map.of("DATABASE_URL", "missing-db"), List.of("data")))
        .hasMessageContaining("DATABASE_URL names datastore missing-db, which the request does not restore");
    // stack data depends on core: a service of core reading a datastore of data would be a cycle
    SynthRequest base = withDatastores(twoServices(StateBackend.local()));
    List<StackSpec> stacks = new ArrayList<>();
    for (StackSpec s : base.stacks()) {
      List<ServiceSpec> services = new ArrayList<>(s.services());
      if (s.name().equals("core")) {
        services.add(ledger(Map.of("DATABASE_URL", "ledger-db")));
      }
      stacks.add(new StackSpec(s.name(), s.dependsOn(), services, s.functions(), s.datastores()));
    }
    assertThatThrownBy(() -> new SynthRequest(base.target(), stacks, base.environment(), base.emulator()))
        .hasMessageContaining("names datastore ledger-db of stack data, which depends on the service's stack core");
    assertThatThrownBy(() -> ledger(Map.of("PGPASSWORD", "ledger-db")))
        .hasMessageContaining("PGPASSWORD is both a datastore address and another value");
  }
}
