package dev.phoenix.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.page.DrillHistory;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drill records on disk, written by the real writer, become one series per (environment, target) in the window. */
class DrillSeriesTest {
  @TempDir Path dir;

  static DrillRecord record(String env, String target, String id, String at, String outcome, long millis) {
    return new DrillRecord(DrillRecord.SCHEMA, id, env, target, "ci@host", at, at, "2026-11-01", "end of day",
        "0123456789abcdef0123456789abcdef01234567", "2026-10-20T09:00:00Z", "test", "apply", outcome,
        outcome.equals("failed") ? "engine apply failed" : null, millis, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  @Test
  void recordsOfTheWindowGroupedByTargetOldestFirst() throws Exception {
    DrillRecords records = new DrillRecords(dir);
    records.write(record("prod", "local", "0000000a", "2026-10-03T10:00:00Z", "succeeded", 30_000));
    records.write(record("prod", "local", "0000000b", "2026-10-01T10:00:00Z", "failed", 5_000));
    records.write(record("prod", "aws", "0000000c", "2026-10-02T10:00:00Z", "succeeded", 200_000));
    records.write(record("prod", "local", "0000000d", "2026-06-01T10:00:00Z", "succeeded", 1_000)); // before the window
    Files.writeString(dir.resolve("prod/20261004T000000Z-broken.json"), "{not json");
    DrillHistory h = DrillSeries.of(records, List.of("prod", "staging"), Instant.parse("2026-09-01T00:00:00Z"),
        Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(h.series()).extracting(DrillHistory.Series::target).containsExactlyInAnyOrder("local", "aws");
    DrillHistory.Series local = h.series().stream().filter(s -> s.target().equals("local")).findFirst().orElseThrow();
    assertThat(local.drills()).extracting(DrillHistory.Drill::id).containsExactly("0000000b", "0000000a");
    assertThat(local.drills().get(1).recoveryMillis()).isEqualTo(30_000);
    assertThat(local.drills().get(1).commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(local.lastFailure()).map(DrillHistory.Drill::failureReason).contains("engine apply failed");
    assertThat(h.notes()).anySatisfy(n -> assertThat(n).startsWith("Unreadable drill record left out: ")
        .endsWith("20261004T000000Z-broken.json"));
    assertThat(h.notes()).anySatisfy(n -> assertThat(n).isEqualTo("No drill of staging in the window under "
        + dir.resolve("staging") + "."));
  }
}
