package dev.phoenix.synth;

import static dev.phoenix.synth.SampleRequests.*;
import static dev.phoenix.synth.SynthJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore of each datastore kind, asserted on the synthesized JSON of {@link
 * SampleRequests#withDatastores}: RDS from the snapshot or to the point in time, DynamoDB to the
 * point in time through the provider, and the SDK-restored table only named, never owned.
 */
class SynthDatastoresTest {
  @TempDir static Path out;
  private static JsonNode stack;

  @BeforeAll
  static void synthesize() throws Exception {
    SynthResult result = new Synthesizer().synthesize(withDatastores(twoServices(StateBackend.local())),
        out.resolve("data"), "datastores");
    stack = read(result.stacks().get(SynthRequest.ROOT_STACK));
  }

  @Test
  void rdsFromTheSnapshotInThePrivateSubnetsReachableFromTheServicesOnly() {
    JsonNode db = resource(stack, "aws_db_instance", "ds_ledger_db");
    assertThat(db.path("snapshot_identifier").asText()).isEqualTo(LEDGER_SNAPSHOT);
    assertThat(db.has("restore_to_point_in_time")).isFalse();
    assertThat(db.path("identifier").asText()).isEqualTo("shop-test-ledger-db-" + DRILL);
    assertThat(db.path("instance_class").asText()).isEqualTo("db.t3.micro");
    assertThat(db.path("engine").asText()).isEqualTo("postgres");
    assertThat(db.path("publicly_accessible").asBoolean(true)).isFalse();
    assertThat(db.path("skip_final_snapshot").asBoolean()).isTrue();
    assertThat(db.path("deletion_protection").asBoolean(true)).isFalse();
    assertThat(db.path("db_subnet_group_name").asText()).isEqualTo("${aws_db_subnet_group.ds_ledger_db_subnets.name}");
    assertThat(strings(db.path("vpc_security_group_ids"))).containsExactly("${aws_security_group.ds_ledger_db_sg.id}");
    assertThat(db.path("tags").path("phoenix:restored-from").asText()).isEqualTo(LEDGER_SNAPSHOT);

    JsonNode subnets = resource(stack, "aws_db_subnet_group", "ds_ledger_db_subnets");
    assertThat(subnets.path("subnet_ids").toString()).contains("aws_subnet.private_");
    assertThat(subnets.path("subnet_ids").toString()).doesNotContain("public");

    JsonNode sg = resource(stack, "aws_security_group", "ds_ledger_db_sg");
    assertThat(sg.path("ingress")).hasSize(1);
    JsonNode in = sg.path("ingress").get(0);
    assertThat(in.path("from_port").asInt()).isEqualTo(5432);
    assertThat(in.path("to_port").asInt()).isEqualTo(5432);
    assertThat(strings(in.path("security_groups"))).containsExactly("${aws_security_group.services_sg.id}");
    assertThat(strings(in.path("cidr_blocks"))).isEmpty();
    assertThat(stack.path("output").path("ds_ledger_db_address").path("value").asText())
        .isEqualTo("${aws_db_instance.ds_ledger_db.address}");
  }

  @Test
  void rdsToThePointInTimeOfTheSourceInstance() {
    JsonNode db = resource(stack, "aws_db_instance", "ds_audit_db");
    assertThat(db.has("snapshot_identifier")).isFalse();
    JsonNode pitr = db.path("restore_to_point_in_time");
    pitr = pitr.isArray() ? pitr.get(0) : pitr;
    assertThat(pitr.path("source_db_instance_identifier").asText()).isEqualTo("shop-audit");
    assertThat(pitr.path("restore_time").asText()).isEqualTo("2026-10-02T14:30:00Z");
    assertThat(pitr.has("use_latest_restorable_time")).isFalse();
    assertThat(db.path("port").asInt()).isEqualTo(5433);
  }

  @Test
  void dynamoToThePointInTimeThroughTheProvider() {
    JsonNode table = resource(stack, "aws_dynamodb_table", "ds_orders");
    assertThat(table.path("restore_source_name").asText()).isEqualTo("shop-orders");
    assertThat(table.path("restore_date_time").asText()).isEqualTo("2026-10-02T14:30:00Z");
    assertThat(table.has("restore_to_latest_time")).isFalse();
    assertThat(table.path("name").asText()).isEqualTo("shop-test-orders-" + DRILL);
    assertThat(table.path("hash_key").asText()).isEqualTo("pk");
    assertThat(table.path("range_key").asText()).isEqualTo("sk");
    assertThat(table.path("attribute").toString()).contains("\"name\":\"pk\"", "\"type\":\"S\"", "\"name\":\"sk\"",
        "\"type\":\"N\"");
  }

  @Test
  void theTableRestoredFromABackupIsNamedNotOwned() {
    assertThat(stack.path("resource").path("aws_dynamodb_table").has("ds_sessions")).isFalse();
    assertThat(stack.path("resource").path("aws_dynamodb_table")).hasSize(1);
    JsonNode output = stack.path("output").path("ds_sessions_table");
    assertThat(output.path("value").asText()).isEqualTo("shop-test-sessions-" + DRILL);
    assertThat(output.path("description").asText()).contains(SESSIONS_BACKUP);
  }

  @Test
  void theDatastoresStackDependsOnCore() {
    JsonNode db = resource(stack, "aws_db_instance", "ds_ledger_db");
    assertThat(strings(db.path("depends_on"))).contains("aws_ecs_service.svc_api");
  }

  @Test
  void specsRefuseWhatCannotBeRestored() {
    assertThatThrownBy(() -> new DatastoreSpec.RdsInstance("db", "postgres", "db.t3.micro", 5432, "snap", "src",
        Instant.EPOCH)).hasMessageContaining("either a snapshot identifier or a source instance");
    assertThatThrownBy(() -> DatastoreSpec.RdsInstance.fromSnapshot("db", "postgres", "t3.micro", 5432, "s"))
        .hasMessageContaining("db.t3.micro");
    assertThatThrownBy(() -> new DatastoreSpec.DynamoPointInTime("t", "src-table", Instant.EPOCH, "pk", null,
        Map.of())).hasMessageContaining("key attribute pk needs a type");
    assertThatThrownBy(() -> new DatastoreSpec.DynamoFromBackup("t", "tbl", "arn:aws:dynamodb:x"))
        .hasMessageContaining("backup ARN");
    assertThatThrownBy(() -> new StackSpec("data", List.of(), List.of(), List.of(), List.of(
        DatastoreSpec.RdsInstance.fromSnapshot("db", "postgres", "db.t3.micro", 5432, "a"),
        DatastoreSpec.RdsInstance.fromSnapshot("db", "postgres", "db.t3.micro", 5432, "b"))))
        .hasMessageContaining("duplicate member name db");
  }
}
