package dev.phoenix.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A datastore a stack declares ({@code datastores[]} in {@code stacks/<name>.yaml}): what engine it
 * runs, where its backups are, the data loss the environment accepts and the probe that proves a
 * restore usable. Which backup belongs to a date, and the restore itself, are the engine's and the
 * target's business; this record only says what was declared.
 *
 * @param image a container-image artefact in the lockfile, for local drills; null when none (dynamodb)
 * @param rpo the recovery point objective: the newest backup at any moment must be younger than this
 * @param probe what proves a restore usable; never returns rows, only a count
 */
public record Datastore(String name, DbEngine engine, String image, Backups backups, Duration rpo, RestoreProbe probe) {

  /** The engines Phoenix knows. Another plugs in as a value here, a backup form and a restorer. */
  public enum DbEngine {
    POSTGRES, DYNAMODB;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DbEngine> of(String word) {
      for (DbEngine e : values()) {
        if (e.word().equals(word)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }
  }

  /** Where the backups of a datastore are. */
  public sealed interface Backups permits S3Dumps, RdsSnapshots, DynamoDbBackups {
    /** The key in the blueprint: {@code s3}, {@code rds}, {@code dynamodb}. */
    String kind();

    /** A value-free description: {@code s3://ledger-backups/ledger-db/}. */
    String describe();
  }

  /**
   * Dumps (pg_dump custom format) as objects under {@code prefix} in a versioned bucket. The backup
   * for a date is the newest object version whose time is at or before it (docs/lockfile.md).
   */
  public record S3Dumps(String bucket, String prefix) implements Backups {
    public S3Dumps {
      prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String kind() {
      return "s3";
    }

    @Override
    public String describe() {
      return "s3://" + bucket + "/" + prefix;
    }
  }

  /** RDS snapshots of one DB instance. */
  public record RdsSnapshots(String instance) implements Backups {
    @Override
    public String kind() {
      return "rds";
    }

    @Override
    public String describe() {
      return "rds:" + instance;
    }
  }

  /** DynamoDB on-demand backups of one table. */
  public record DynamoDbBackups(String table) implements Backups {
    @Override
    public String kind() {
      return "dynamodb";
    }

    @Override
    public String describe() {
      return "dynamodb:" + table;
    }
  }

  /**
   * What proves a restore usable: for postgres a query returning one count ({@code sql}), for
   * dynamodb the table's item count (sql null); the restore fails when the count is below {@code min}.
   */
  public record RestoreProbe(String sql, long min) {}
}
