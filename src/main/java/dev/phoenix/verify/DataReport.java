package dev.phoenix.verify;

import dev.phoenix.check.Backup;
import dev.phoenix.check.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One datastore of one environment over the window: every backup seen with its finding, the
 * stretches where no intact backup younger than the RPO existed, and the one-line summary
 * ({@code prod ledger-db: restorable within RPO 24h at every point since … except …}).
 */
public record DataReport(
    String environment, String datastore, String where, Duration rpo, List<Checked> backups, List<Gap> gaps,
    RevisionStatus worst, String summary) {

  /** A backup and what its check found. */
  public record Checked(Backup backup, Finding finding) {}

  /**
   * A stretch {@code [from, to)} (to null: until now) where a restore would lose more than the RPO:
   * {@code noBackupFor} is the age, at the stretch's end, of the newest intact backup before it
   * (null: there was none); {@code status} MISSING, or UNKNOWN when a backup in it could not be checked;
   * {@code broken} names the backups in or just before it that are not intact.
   */
  public record Gap(Instant from, Instant to, Duration noBackupFor, RevisionStatus status, List<Checked> broken) {}
}
