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
}
