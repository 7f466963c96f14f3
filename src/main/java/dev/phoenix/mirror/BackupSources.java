package dev.phoenix.mirror;

import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import dev.phoenix.verify.VerifyWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The datastore backups a mirror region needs for a window, as the primary region lists them: for
 * each datastore the window's revisions declare, the newest backup taken at or before the window's
 * start (what a rebuild at the start restores) and every one taken after it up to the window's end
 * — the backups {@code protect} keeps. Listed through the primary's catalogs (S3 dump versions, RDS
 * snapshots, DynamoDB on-demand backups).
 */
final class BackupSources {
  /** One backup to mirror, and the datastore backups ({@code backups:} of the blueprint) it is one of. */
  record Item(Datastore.Backups of, Backup backup) {}

  private BackupSources() {}

  static List<Item> of(List<Datastore> datastores, List<BackupCatalog> primaryCatalogs, VerifyWindow window,
      Instant now) {
    Instant from = window.headOnly() ? now : window.from();
    Instant end = window.headOnly() || window.to() == null || window.untilNow() ? now : window.to();
    List<Item> out = new ArrayList<>();
    java.util.Set<String> places = new java.util.HashSet<>();
    for (Datastore d : datastores) {
      if (!places.add(d.backups().describe())) {
        continue; // two datastores on one place: its backups once
      }
      BackupCatalog catalog = primaryCatalogs.stream().filter(c -> c.handles(d.backups())).findFirst()
          .orElseThrow(() -> PhoenixException.input("no catalog lists " + d.backups().kind() + " backups in this run",
              "report this: every backup kind has a catalog"));
      List<Backup> all = catalog.list(d.backups());
      Optional<Backup> atStart = Backup.at(all, from);
      atStart.ifPresent(b -> out.add(new Item(d.backups(), b)));
      all.stream().filter(b -> b.takenAt().isAfter(from) && !b.takenAt().isAfter(end))
          .forEach(b -> out.add(new Item(d.backups(), b)));
    }
    return List.copyOf(out);
  }
}
