package dev.phoenix.verify;

import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.MirrorBackups;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.MirrorSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code phoenix verify --region REGION}: every reference of every revision in the window checked
 * as its copy in REGION (the newest ledger's locator and the regions file, docs/regions.md), by
 * REGION's own checkers; a reference without a copy there is MISSING ("not mirrored"). One pass of
 * {@link Verifier} per environment (each environment has its own ledger) over checkers that remember
 * their findings for the run ({@link CheckedOnce}), so a copy several environments share is asked
 * of its store once; the reports labelled with the region: {@code prod in eu-central-1: restorable at every point since … (N references
 * not mirrored)}. Nothing asks the primary region's stores.
 */
public final class RegionVerify {
  private final GitRepository git;
  private final Function<String, List<RefChecker>> checkersIn;
  private final Function<String, List<BackupCatalog>> catalogsIn;
  private final ProgressListener progress;
  private final Clock clock;

  /** {@code checkersIn}: the store checkers of a region (the run's {@code Stores.region(r).checkers()}). */
  public RegionVerify(GitRepository git, Function<String, List<RefChecker>> checkersIn, ProgressListener progress,
      Clock clock) {
    this(git, checkersIn, r -> List.of(), progress, clock);
  }

  /**
   * With {@code catalogsIn} (a region's backup catalogs, {@code Stores.region(r).backups()}), every
   * datastore's backups are checked too, as their copies in the region through the ledger
   * ({@link MirrorBackups}); an empty list checks no datastore.
   */
  public RegionVerify(GitRepository git, Function<String, List<RefChecker>> checkersIn,
      Function<String, List<BackupCatalog>> catalogsIn, ProgressListener progress, Clock clock) {
    this.git = git;
    this.checkersIn = checkersIn;
    this.catalogsIn = catalogsIn;
    this.progress = progress;
    this.clock = clock;
  }

  public VerifyResult verify(VerifyRequest request, String region) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    List<String> envs = request.allEnvironments() ? new Revisions(git).environmentsAtHead() : request.environments();
    if (envs.isEmpty()) {
      throw PhoenixException.input("no environment to verify", "name one with --env ENV, or use --all-envs");
    }
    List<MirrorSetup> setups = new ArrayList<>();
    for (String env : new LinkedHashSet<>(envs)) { // every file problem before any store is asked
      MirrorSetup setup = MirrorSetup.read(git.workTree(), env);
      setup.copies(region);
      setups.add(setup);
    }
    List<RefChecker> regionCheckers = CheckedOnce.each(checkersIn.apply(region)); // a shared copy: checked once
    List<BackupCatalog> regionCatalogs = catalogsIn.apply(region);
    List<EnvReport> reports = new ArrayList<>();
    List<VerifyResult.Stats> stats = new ArrayList<>();
    for (MirrorSetup setup : setups) {
      MirrorCopies copies = setup.copies(region);
      String notMirrored = setup.notMirrored(region);
      Duration left = request.deadline().minusNanos(System.nanoTime() - startNanos);
      VerifyRequest one = new VerifyRequest(List.of(setup.environment()), false, request.window(), request.deep(),
          request.concurrency(), left.isNegative() ? Duration.ZERO : left, request.insecureRegistries(),
          request.strict());
      List<BackupCatalog> catalogs = regionCatalogs.isEmpty() ? List.of() : List.of(new MirrorBackups(copies, regionCatalogs));
      VerifyResult r = new Verifier(git, RegionChecks.of(regionCheckers, copies, notMirrored), progress, clock,
          ProtectionProbe.NONE, catalogs).verify(one);
      stats.add(r.stats());
      for (EnvReport e : r.environments()) {
        reports.add(e.inRegion(region, summary(e, region, notMirrored))
            .withData(e.data().stream().map(d -> data(d, region, copies.isPrimary())).toList()));
      }
    }
    return new VerifyResult(List.copyOf(reports), request.window(), sum(stats, reports,
        Durations.since(startNanos)),
        request.deep(), request.strict(), start, region);
  }

  /** The environment's line with the region named, and how many of its references have no copy there. */
  static String summary(EnvReport e, String region, String notMirrored) {
    String line = e.summary();
    String prefix = e.environment() + ":";
    if (line.startsWith(prefix)) {
      line = e.environment() + " in " + region + ":" + line.substring(prefix.length());
    }
    long missing = e.references().stream().filter(u -> u.finding().status() == Status.MISSING
        && notMirrored.equals(u.finding().reason())).count();
    return missing == 0 ? line : line + " (" + missing + (missing == 1 ? " reference" : " references") + " not mirrored)";
  }

  /**
   * A datastore's line named with the region ({@code prod ledger-db in eu-central-1: …}); in a mirror,
   * a DynamoDB datastore's line says why it has no backup there.
   */
  static DataReport data(DataReport d, String region, boolean primary) {
    String prefix = d.environment() + " " + d.datastore() + ":";
    String line = d.summary().startsWith(prefix)
        ? d.environment() + " " + d.datastore() + " in " + region + ":" + d.summary().substring(prefix.length())
        : d.summary();
    if (!primary && d.where().startsWith("dynamodb:")) {
      line = line + " (" + MirrorBackups.NOT_MIRRORABLE + ")";
    }
    return new DataReport(d.environment(), d.datastore(), d.where(), d.rpo(), d.backups(), d.gaps(), d.worst(), line);
  }

  /** The passes' counts added up; unique references and their statuses counted once over all environments. */
  private static VerifyResult.Stats sum(List<VerifyResult.Stats> all, List<EnvReport> reports, Duration elapsed) {
    int revisions = 0;
    int uses = 0;
    Duration reading = Duration.ZERO;
    Duration checking = Duration.ZERO;
    for (VerifyResult.Stats s : all) {
      revisions += s.revisions();
      uses += s.uses();
      reading = reading.plus(s.reading());
      checking = checking.plus(s.checking());
    }
    Map<Ref, Status> unique = new LinkedHashMap<>();
    reports.forEach(e -> e.references().forEach(u -> unique.putIfAbsent(u.ref(), u.finding().status())));
    return new VerifyResult.Stats(revisions, uses, unique.size(), VerifyResult.Stats.count(unique.values()), elapsed,
        reading, checking);
  }
}
