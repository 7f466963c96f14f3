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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data half of {@code verify}: for each environment's datastores (the newest declaration of each
 * name among the window's revisions), list the backups, check those that can cover a moment of the
 * window, and assess coverage within the RPO ({@link DataCoverage}).
 *
 * <p>One instance serves one run, and asks each store once in it: a place ({@code backups:}) is
 * listed once, and a backup checked once, however many environments or datastores name them. The
 * blueprints in {@code stacks/} are shared by the environments, so with {@code --all-envs} every
 * environment declares the same datastores on the same places; asked per environment, five
 * environments listed each bucket five times and, under {@code --deep}, downloaded each dump five
 * times. Not thread-safe: {@link #of} is called for one environment after another.
 */
final class DataChecks {
  private final List<BackupCatalog> catalogs;
  private final ProtectionProbe mirrors;
  private final Map<Datastore.Backups, Listed> listed = new HashMap<>();
  private final Map<Ref, Finding> checked = new HashMap<>();

  /** A place's backups, or why they could not be listed (a failure is not asked again either). */
  private record Listed(List<Backup> backups, PhoenixException failure) {}

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
      Listed place = listed.computeIfAbsent(d.backups(), where -> list(catalog, where));
      if (place.failure() != null) {
        out.add(unknown(env, d, place.failure().getMessage()));
        continue;
      }
      List<Backup> relevant = place.backups().stream()
          .filter(b -> b.takenAt().isAfter(from.minus(d.rpo())) && !b.takenAt().isAfter(end)).toList();
      Map<Ref, Finding> findings = check(catalog, relevant, options);
      findings.replaceAll((ref, f) -> f.status() == dev.phoenix.check.Status.OK ? mirrors.concern(ref, env).orElse(f) : f);
      out.add(DataCoverage.of(env, d, relevant, findings, from, to, now));
    }
    return out;
  }

  private static Listed list(BackupCatalog catalog, Datastore.Backups where) {
    try {
      return new Listed(catalog.list(where), null);
    } catch (PhoenixException e) {
      return new Listed(List.of(), e);
    }
  }

  /** The findings of {@code backups} in their order, asking the catalog only about those not checked yet in this run. */
  private Map<Ref, Finding> check(BackupCatalog catalog, List<Backup> backups, CheckOptions options) {
    List<Backup> fresh = backups.stream().filter(b -> !checked.containsKey(b.object())).toList();
    if (!fresh.isEmpty()) {
      checked.putAll(catalog.check(fresh, options));
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Backup b : backups) {
      Finding f = checked.get(b.object());
      if (f != null) {
        out.put(b.object(), f);
      }
    }
    return out;
  }

  private static DataReport unknown(String env, Datastore d, String why) {
    return new DataReport(env, d.name(), d.backups().describe(), d.rpo(), List.of(), List.of(), RevisionStatus.UNKNOWN,
        env + " " + d.name() + ": unknown whether restorable within RPO " + DataCoverage.rpo(d.rpo()) + ": " + why);
  }
}
