package dev.phoenix.check;

import dev.phoenix.model.Datastore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datastore backups of a mirror region, as the ledger records them (docs/regions.md): a
 * datastore's backups are the copies of its backups there ({@link MirrorCopies#backups}), each with
 * the time the source backup was taken; each is checked by the region's own catalogs (an S3 dump's
 * copy against the ledger's checksum, an RDS snapshot copy by its status). Nothing asks the primary
 * region. In the primary itself, the region's catalogs as they are. DynamoDB backups are never
 * mirrored: the list is empty, and {@link #NOT_MIRRORABLE} is why.
 */
public final class MirrorBackups implements BackupCatalog {
  /** Why a DynamoDB datastore has no backup in a mirror region. */
  public static final String NOT_MIRRORABLE = "DynamoDB backups are not mirrorable: no API copies an on-demand backup "
      + "to another region without AWS Backup copy jobs (docs/regions.md)";
  private final MirrorCopies copies;
  private final List<BackupCatalog> region;

  /** {@code region}: the region's own catalogs ({@code stores.region(R).backups()}). */
  public MirrorBackups(MirrorCopies copies, List<BackupCatalog> region) {
    this.copies = copies;
    this.region = List.copyOf(region);
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return region.stream().anyMatch(c -> c.handles(where));
  }

  @Override
  public List<Backup> list(Datastore.Backups where) {
    if (copies.isPrimary()) {
      return catalog(where).list(where);
    }
    return copies.backups(where);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Backup> backups, CheckOptions options) {
    if (copies.isPrimary()) { // one kind per call, as the verify of one datastore asks
      List<Backup> all = List.copyOf(backups);
      return all.isEmpty() ? Map.of() : catalogOf(all.get(0).object()).check(all, options);
    }
    Map<BackupCatalog, List<Backup>> byCatalog = new LinkedHashMap<>();
    for (Backup b : backups) {
      byCatalog.computeIfAbsent(catalogOf(b.object()), k -> new ArrayList<>()).add(b);
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    byCatalog.forEach((catalog, some) -> catalog.check(some, options).forEach((ref, f) -> out.put(ref,
        new Finding(f.status(), "copy in " + copies.region() + ": " + f.reason()))));
    return out;
  }

  private BackupCatalog catalog(Datastore.Backups where) {
    return region.stream().filter(c -> c.handles(where)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no catalog for " + where.kind()));
  }

  private BackupCatalog catalogOf(Ref copy) {
    Datastore.Backups where = copy instanceof Ref.S3Object o ? new Datastore.S3Dumps(o.bucket(), "")
        : copy instanceof Ref.RdsSnapshot ? new Datastore.RdsSnapshots("-") : new Datastore.DynamoDbBackups("-");
    return catalog(where);
  }
}
