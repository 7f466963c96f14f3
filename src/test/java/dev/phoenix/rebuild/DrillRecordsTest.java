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
  void theDataOfEachDatastoreIsWrittenAndReadBackAndAnOlderRecordWithoutItReadsAsEmpty() throws Exception {
    DrillRecords records = new DrillRecords(dir);
    DrillRecord.DataUsed used = new DrillRecord.DataUsed("ledger-db", "postgres",
        "s3://ledger-backups/ledger-db/ledger.dump?versionId=v1", "ab".repeat(32), "2026-10-01T02:00:00Z",
        25_200_000L, "7h", 4300L, 3L, DrillRecord.DataUsed.RESTORED, null);
    DrillRecord r = record("e", "2026-11-01T10:00:00Z", "2026-11-01T10:00:05Z");
    DrillRecord withData = new DrillRecord(r.schema(), r.id(), r.environment(), r.target(), r.by(), r.startedAt(),
        r.finishedAt(), r.asked(), r.understoodAs(), r.lockfileCommit(), r.committedAt(), r.phoenixVersion(), r.mode(),
        r.outcome(), r.failureReason(), r.recoveryMillis(), r.phases(), r.artefacts(), r.config(), r.materialized(),
        r.stacks(), r.preflight(), List.of("container x started"), List.of(used));
    Path file = records.write(withData);
    assertThat(java.nio.file.Files.readString(file)).contains("\"rpoAchieved\" : \"7h\"")
        .contains("\"probeCount\" : 3");
    assertThat(DrillRecords.read(file).data()).containsExactly(used);

    Path old = dir.resolve("prod").resolve("20261101T090000Z-f.json");
    java.nio.file.Files.writeString(old, java.nio.file.Files.readString(file).replaceAll("(?s),\\s*\"data\" : \\[.*?\\]", ""));
    assertThat(java.nio.file.Files.readString(old)).doesNotContain("\"data\"");
    assertThat(DrillRecords.read(old).data()).isEmpty();
  }
}
