package dev.phoenix.check;

import dev.phoenix.model.Datastore;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A store's backups of datastores (s3 dumps in {@code aws/s3}, RDS snapshots in {@code aws/rds},
 * DynamoDB on-demand backups in {@code aws/dynamodb}): what exists, and whether each is intact.
 * Implementations live in the adapter packages and spread their requests with {@link Checks#jobs}.
 */
public interface BackupCatalog {
  boolean handles(Datastore.Backups where);

  /**
   * Every backup there, oldest first (every version, not only the current one; delete markers are
   * not backups). Throws a PhoenixException when the store cannot be listed.
   */
  List<Backup> list(Datastore.Backups where);

  /**
   * One finding per backup: MISSING when gone, CORRUPT when its bytes (deep) or its stored checksum
   * disagree with the recorded sha256, OK otherwise; keyed by {@link Backup#object()}.
   */
  Map<Ref, Finding> check(Collection<Backup> backups, CheckOptions options);

  /**
   * The check of a store whose backups have no bytes Phoenix can read (an RDS snapshot, a DynamoDB
   * backup): each backup's reference through {@code checker} (it exists, its status is usable);
   * under {@code --deep}, each OK finding says that there was nothing more to hash, and why.
   */
  static Map<Ref, Finding> byStatus(RefChecker checker, Collection<Backup> backups, CheckOptions options, String why) {
    Collection<Ref> refs = new java.util.LinkedHashSet<>();
    backups.forEach(b -> refs.add(b.object()));
    Map<Ref, Finding> findings = checker.check(refs, options);
    if (!options.deep()) {
      return findings;
    }
    Map<Ref, Finding> out = new java.util.LinkedHashMap<>();
    findings.forEach((ref, f) -> out.put(ref, f.status() == Status.OK
        ? new Finding(Status.OK, (f.reason() == null || f.reason().isEmpty() ? "" : f.reason() + "; ")
            + "--deep: nothing more to hash (" + why + ")")
        : f));
    return out;
  }
}
