package dev.phoenix.check;

import dev.phoenix.model.Datastore;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A store's backups of datastores (s3 dumps today; RDS snapshots and DynamoDB backups plug in as
 * further catalogs): what exists, and whether each is intact. Implementations live in the adapter
 * packages and spread their requests with {@link Checks#jobs}.
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
}
