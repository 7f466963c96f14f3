package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillRecordsTest {
  @TempDir Path dir;

  static DrillRecord record(String id, String startedAt, String finishedAt) {
    return new DrillRecord(DrillRecord.SCHEMA, id, "prod", "aws", "ci", startedAt, finishedAt, "HEAD", "HEAD",
        "c0ffee", startedAt, "0.1.0-1-abcdef0", "plan", "planned", null, 5, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }

  @Test
  void newestFirstByTimeEvenWhenAStampHasNoFractionAndBySecondStampWithinAMillisecond() {
    DrillRecords records = new DrillRecords(dir);
    records.write(record("a", "2026-11-01T10:00:01Z", "2026-11-01T10:00:01.040Z")); // .000 prints without a fraction
    records.write(record("b", "2026-11-01T10:00:01.120Z", "2026-11-01T10:00:01.130Z"));
    records.write(record("c", "2026-11-01T10:00:01.120Z", "2026-11-01T10:00:01.125Z"));
    records.write(record("d", "2026-11-01T09:59:59.999Z", "2026-11-01T10:00:00.500Z"));

    assertThat(records.list("prod").records()).extracting(DrillRecord::id).containsExactly("b", "c", "a", "d");
  }

  @Test
  void theDatastoresUsedAndTheRpoAchievedRoundTripAndOlderRecordsReadWithNone() throws Exception {
    DrillRecord r = record("e", "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z");
    DrillRecord.DatastoreUsed ledger = new DrillRecord.DatastoreUsed("ledger-db",
        "arn:aws:rds:eu-west-1:123456789012:snapshot:ledger-t1", null, "2026-11-01T03:00:00Z", "PT20H59M59S");
    DrillRecord.DatastoreUsed dumps = new DrillRecord.DatastoreUsed("dumps",
        "s3://ledger-backups/dumps/ledger.dump?versionId=v1", "ab".repeat(32), "2026-11-01T02:00:00Z", "PT21H59M59S");
    DrillRecord with = new DrillRecord(r.schema(), r.id(), r.environment(), r.target(), r.by(), r.startedAt(),
        r.finishedAt(), r.asked(), r.understoodAs(), r.lockfileCommit(), r.committedAt(), r.phoenixVersion(), r.mode(),
        r.outcome(), r.failureReason(), r.recoveryMillis(), r.phases(), r.artefacts(), r.config(), r.materialized(),
        r.stacks(), r.preflight(), r.started(), List.of(ledger, dumps));
    Path file = new DrillRecords(dir).write(with);
    assertThat(java.nio.file.Files.readString(file)).contains("\"datastores\"", "\"backupTime\"",
        "\"rpoAchieved\" : \"PT20H59M59S\"");
    assertThat(DrillRecords.read(file).datastores()).containsExactly(ledger, dumps);

    Path old = new DrillRecords(dir).write(r);
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.phoenix.report.Json.mapper().readTree(old.toFile());
    tree.remove("datastores"); // as a record written before the field existed
    java.nio.file.Files.writeString(old, tree.toString());
    assertThat(java.nio.file.Files.readString(old)).doesNotContain("datastores");
    assertThat(DrillRecords.read(old).datastores()).isEmpty();
  }
}
