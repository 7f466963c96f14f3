package dev.phoenix.verify;

import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data half of {@code verify}: for each environment's datastores (the newest declaration of each
 * name among the window's revisions), list the backups once per place, check those that can cover
 * a moment of the window, and assess coverage within the RPO ({@link DataCoverage}).
 */
final class DataChecks {
  private final List<BackupCatalog> catalogs;
  private final ProtectionProbe mirrors;

  /** {@code mirrors}: what turns an intact backup AT_RISK (not mirrored: {@link ProtectionProbe#forBackups}). */
  DataChecks(List<BackupCatalog> catalogs, ProtectionProbe mirrors) {
    this.catalogs = List.copyOf(catalogs);
    this.mirrors = mirrors;
  }

  List<DataReport> of(String env, List<EnvRevision> revisions, VerifyWindow window, CheckOptions options, Instant now) {
    Map<String, Datastore> declared = new LinkedHashMap<>();
    revisions.forEach(r -> r.datastores().forEach(d -> declared.put(d.name(), d))); // oldest first: newest wins
    Instant from = window.headOnly() ? now.minusSeconds(1) : window.from();
    Instant to = window.headOnly() || window.untilNow() ? null : window.to();
    Instant end = to == null ? now : to;
    List<DataReport> out = new ArrayList<>();
    for (Datastore d : declared.values()) {
      BackupCatalog catalog = catalogs.stream().filter(c -> c.handles(d.backups())).findFirst().orElse(null);
      if (catalog == null) {
        out.add(unknown(env, d, "no catalog reads " + d.backups().kind() + " backups in this run"));
        continue;
      }
      List<Backup> backups;
      try {
        backups = catalog.list(d.backups());
      } catch (PhoenixException e) {
        out.add(unknown(env, d, e.getMessage()));
        continue;
      }
      List<Backup> relevant = backups.stream()
          .filter(b -> b.takenAt().isAfter(from.minus(d.rpo())) && !b.takenAt().isAfter(end)).toList();
      Map<Ref, Finding> findings = new LinkedHashMap<>(catalog.check(relevant, options));
      findings.replaceAll((ref, f) -> f.status() == dev.phoenix.check.Status.OK ? mirrors.concern(ref, env).orElse(f) : f);
      out.add(DataCoverage.of(env, d, relevant, findings, from, to, now));
    }
    return out;
  }

  private static DataReport unknown(String env, Datastore d, String why) {
    return new DataReport(env, d.name(), d.backups().describe(), d.rpo(), List.of(), List.of(), RevisionStatus.UNKNOWN,
        env + " " + d.name() + ": unknown whether restorable within RPO " + DataCoverage.rpo(d.rpo()) + ": " + why);
  }
}
