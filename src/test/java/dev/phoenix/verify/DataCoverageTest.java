package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Backup;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Datastore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A datastore's backups over a window: covered within the RPO, or the gap named. */
class DataCoverageTest {
  private static final Datastore LEDGER = new Datastore("ledger-db", Datastore.DbEngine.POSTGRES, "ledger-postgres",
      new Datastore.S3Dumps("ledger-backups", "ledger-db/"), Duration.ofHours(24),
      new Datastore.RestoreProbe("select count(*) from entries", 1));
  private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-10-08T00:00:00Z");
  private final Map<Ref, Finding> findings = new HashMap<>();

  private Backup backup(String at, Finding f) {
    Instant t = Instant.parse(at);
    Backup b = new Backup(new Ref.S3Object("ledger-backups", "ledger-db/ledger.dump", "v-" + t.getEpochSecond(),
        "0".repeat(64)), t, "metadata phoenix-taken-at", 10);
    findings.put(b.object(), f);
    return b;
  }

  private List<Backup> daily(String... except) {
    List<Backup> out = new java.util.ArrayList<>();
    for (int day = 0; day <= 7; day++) {
      String at = "2026-09-" + (30) + "T22:00:00Z";
      Instant t = Instant.parse(at).plus(Duration.ofDays(day));
      if (!List.of(except).contains(t.toString())) {
        out.add(backup(t.toString(), Finding.ok()));
      }
    }
    return out;
  }

  @Test
  void dailyBackupsCoverAWindowWithinADay() {
    DataReport r = DataCoverage.of("prod", LEDGER, daily(), findings, FROM, TO, TO);
    assertThat(r.gaps()).isEmpty();
    assertThat(r.worst()).isEqualTo(RevisionStatus.OK);
    assertThat(r.summary()).isEqualTo("prod ledger-db: restorable within RPO 24h at every point since 2026-10-01 00:00");
  }

  @Test
  void aMissingBackupOpensAGapNamedWithItsLength() {
    // 10-02 and 10-03 22:00 missing (deleted): the one of 10-01 22:00 covers until 10-02 22:00, next is 10-04 22:00
    List<Backup> backups = daily("2026-10-02T22:00:00Z", "2026-10-03T22:00:00Z");
    DataReport r = DataCoverage.of("prod", LEDGER, backups, findings, FROM, TO, TO);
    assertThat(r.gaps()).hasSize(1);
    assertThat(r.gaps().get(0).noBackupFor()).isEqualTo(Duration.ofHours(72));
    assertThat(r.worst()).isEqualTo(RevisionStatus.MISSING);
    assertThat(r.summary()).isEqualTo("prod ledger-db: restorable within RPO 24h at every point since 2026-10-01 00:00"
        + " except 2026-10-02 22:00 → 2026-10-04 22:00 (no backup for 72 h)");
  }

  @Test
  void aCorruptBackupDoesNotCoverAndIsNamedInTheGap() {
    List<Backup> backups = new java.util.ArrayList<>(daily("2026-10-03T22:00:00Z"));
    Backup bad = backup("2026-10-04T01:00:00Z", Finding.corrupt("SHA-256 of its 10 bytes is x, the dump's recorded sha256 is y"));
    backups.add(bad);
    DataReport r = DataCoverage.of("prod", LEDGER, backups, findings, FROM, TO, TO);
    assertThat(r.worst()).isEqualTo(RevisionStatus.CORRUPT);
    assertThat(r.summary()).endsWith("except 2026-10-03 22:00 → 2026-10-04 22:00 (no backup for 48 h; "
        + bad.object().id() + " CORRUPT)");
  }

  @Test
  void noBackupAtAllIsRestorableAtNoPoint() {
    DataReport r = DataCoverage.of("prod", LEDGER, List.of(), findings, FROM, null, TO);
    assertThat(r.summary()).isEqualTo(
        "prod ledger-db: restorable within RPO 24h at no point since 2026-10-01 00:00: 2026-10-01 00:00 → now (no backup before it)");
    assertThat(r.worst()).isEqualTo(RevisionStatus.MISSING);
  }

  @Test
  void theLastBackupGrowingOlderThanTheRpoIsAGapUntilNow() {
    List<Backup> backups = List.of(backup("2026-10-06T22:00:00Z", Finding.ok()), backup("2026-09-30T22:00:00Z", Finding.ok()));
    DataReport r = DataCoverage.of("prod", LEDGER, backups, findings, Instant.parse("2026-10-06T00:00:00Z"), null,
        Instant.parse("2026-10-08T10:00:00Z"));
    assertThat(r.gaps()).extracting(DataReport.Gap::to).containsExactly(Instant.parse("2026-10-06T22:00:00Z"), null);
    assertThat(r.summary()).endsWith("2026-10-07 22:00 → now (no backup for 36 h)");
  }
}
