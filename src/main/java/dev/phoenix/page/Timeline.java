package dev.phoenix.page;

import java.time.Instant;
import java.util.List;

/**
 * One environment's window, {@code from} to {@code to}, as rows of bands. Today one row: the
 * lockfile's references. Region mirrors add a row per region (scope "region eu-west-1") with the
 * same bands, so the renderer draws them without change.
 *
 * @param summary verify's one-line summary of the environment
 */
public record Timeline(String environment, String summary, Instant from, Instant to, List<Row> rows) {
  public Timeline {
    rows = List.copyOf(rows);
  }

  /** A row of adjacent bands, oldest first; {@code scope} says what it covers ("lockfile"). */
  public record Row(String scope, List<Band> bands) {
    public Row {
      bands = List.copyOf(bands);
    }
  }

  /**
   * A stretch of time with one health; {@code to} null: until now. {@code revisions}: the lockfile
   * revisions in force during it; {@code causes}: what is not OK in them, worst first, with full
   * references.
   */
  public record Band(Instant from, Instant to, Health health, List<Moment> revisions, List<Cause> causes) {
    public Band {
      revisions = List.copyOf(revisions);
      causes = List.copyOf(causes);
    }
  }

  /** A lockfile revision: full commit id, when it was committed, its subject, its status. */
  public record Moment(String commit, Instant committedAt, String subject, String status) {}

  /**
   * Why a band is not green: {@code subject} is the full reference ({@code host/repo@sha256:<64 hex>},
   * {@code s3://…?versionId=…}) or "lockfile at <40-hex commit>" for a lockfile that fails
   * validation; {@code usedBy} the usage names; {@code reason} the store's answer or the problem.
   */
  public record Cause(String subject, List<String> usedBy, String status, String reason) {
    public Cause {
      usedBy = List.copyOf(usedBy);
    }
  }
}
