package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.lockfile.MirrorSetup;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain {@code verify} of an environment that has mirrors (regions.yaml): a reference found OK
 * that the newest ledger does not record in every mirror region is AT_RISK, "only in the primary
 * region" (a regional outage takes it away; {@code --strict} fails on it). Asks no store:
 * {@code verify --region} is what checks the copies themselves. Environments without a regions file
 * are not concerned.
 */
public final class MirrorCoverage implements ProtectionProbe {
  private final Path workTree;
  private final Map<String, Optional<Setup>> setups = new ConcurrentHashMap<>();

  private record Setup(MirrorSetup files, List<MirrorCopies> mirrors) {}

  public MirrorCoverage(Path workTree) {
    this.workTree = workTree;
  }

  @Override
  public Optional<Finding> concern(Ref ref, String environment) {
    Optional<Setup> setup = setups.computeIfAbsent(environment, this::read);
    if (setup.isEmpty()) {
      return Optional.empty();
    }
    List<String> lacking = new ArrayList<>();
    for (MirrorCopies copies : setup.get().mirrors()) {
      if (copies.copyOf(ref).isEmpty()) {
        lacking.add(copies.region());
      }
    }
    if (lacking.isEmpty()) {
      return Optional.empty();
    }
    if (ref instanceof Ref.DynamoBackup) { // phoenix mirror cannot help: say so rather than send the user there
      return Optional.of(Finding.atRisk("only in the primary region " + setup.get().files().regions().primary()
          + ": a DynamoDB backup cannot be copied to " + String.join(", ", lacking)
          + " by phoenix mirror (AWS Backup copy jobs do it; docs/regions.md)"));
    }
    return Optional.of(Finding.atRisk("only in the primary region " + setup.get().files().regions().primary()
        + ": not mirrored to " + String.join(", ", lacking) + " (run phoenix mirror --env " + environment + " --to "
        + lacking.get(0) + ")"));
  }

  private Optional<Setup> read(String environment) {
    MirrorSetup files = MirrorSetup.read(workTree, environment);
    if (files.regions() == null || files.regions().mirrors().isEmpty()) {
      return Optional.empty();
    }
    List<MirrorCopies> mirrors = new ArrayList<>();
    for (String region : new TreeSet<>(files.regions().mirrors().keySet())) {
      mirrors.add(files.copies(region));
    }
    return Optional.of(new Setup(files, List.copyOf(mirrors)));
  }

  /**
   * Whether any environment verified has a regions file (for {@code all}: any environment of the
   * working tree): without one the probe is not added, so a run without mirrors does exactly what
   * it did before (no per-environment copies of the findings).
   */
  public static boolean applies(Path workTree, List<String> environments, boolean all) {
    if (!all) {
      return environments.stream().anyMatch(env -> dev.phoenix.model.NameRules.ENVIRONMENT.accepts(env)
          && Files.isRegularFile(workTree.resolve(dev.phoenix.model.Regions.path(env)), LinkOption.NOFOLLOW_LINKS));
    }
    try (java.util.stream.Stream<Path> dirs = Files.list(workTree.resolve("environments"))) {
      return dirs.anyMatch(d -> Files.isRegularFile(d.resolve("regions.yaml"), LinkOption.NOFOLLOW_LINKS));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** {@code first}'s concern, else {@code then}'s: mirror coverage beside the protection marks. */
  public static ProtectionProbe both(ProtectionProbe first, ProtectionProbe then) {
    if (first == ProtectionProbe.NONE) {
      return then;
    }
    if (then == ProtectionProbe.NONE) {
      return first;
    }
    return new ProtectionProbe() {
      @Override
      public Optional<Finding> concern(Ref ref, String env) {
        Optional<Finding> f = first.concern(ref, env);
        return f.isPresent() ? f : then.concern(ref, env);
      }

      @Override
      public ProtectionProbe forBackups() {
        return both(first.forBackups(), then.forBackups());
      }
    };
  }

  /** A datastore backup the ledger lacks in a mirror is as much at risk as any reference. */
  @Override
  public ProtectionProbe forBackups() {
    return this;
  }
}
