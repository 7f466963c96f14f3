package dev.phoenix.lockfile;

import dev.phoenix.check.MirrorCopies;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.Regions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An environment's regions file and newest ledger, read from the working tree (a rebuild or verify
 * in a mirror region reads the lockfile as of its date and the newest ledger; docs/regions.md).
 * {@code regions} null: the environment has no regions.yaml.
 */
public record MirrorSetup(String environment, Regions regions, MirrorLedger ledger) {

  /** Both files of {@code environment}; a file with problems is a usage error (exit 2) naming every one. */
  public static MirrorSetup read(Path workTree, String environment) {
    WorkingTreeFiles files = new WorkingTreeFiles(workTree);
    Parsed<Regions> regions = MirrorFiles.regions(files, environment);
    Parsed<MirrorLedger> ledger = MirrorFiles.ledger(files, environment);
    List<Problem> problems = new ArrayList<>(regions.problems());
    problems.addAll(ledger.problems());
    if (!problems.isEmpty()) {
      throw PhoenixException.input(problems.stream().map(Problem::render).collect(Collectors.joining("\n")),
          "fix " + Regions.path(environment) + " and " + MirrorLedger.path(environment)
              + " (phoenix validate shows the same; docs/regions.md)");
    }
    return new MirrorSetup(environment, regions.value(), ledger.value() == null ? MirrorLedger.empty() : ledger.value());
  }

  /** Whether {@code region} is one of the environment's mirrors. */
  public boolean mirrors(String region) {
    return regions != null && regions.mirror(region).isPresent();
  }

  /** The primary region, if the environment has a regions file. */
  public Optional<String> primary() {
    return Optional.ofNullable(regions).map(Regions::primary);
  }

  /**
   * The copies of {@code region}; a usage error when the environment has no regions file or the
   * region is neither its primary nor one of its mirrors. The primary's "copies" are the sources.
   */
  public MirrorCopies copies(String region) {
    if (regions == null) {
      throw PhoenixException.input(environment + " has no " + Regions.path(environment) + ", so it has no copies in "
          + region, "create it (docs/regions.md) and run phoenix mirror --env " + environment + " --to " + region);
    }
    if (!mirrors(region) && !region.equals(regions.primary())) {
      throw PhoenixException.input("region " + region + " is not a mirror of " + environment + " in "
          + Regions.path(environment), regions.mirrors().isEmpty() ? "add it under mirrors:"
              : "mirrors listed: " + String.join(", ", new java.util.TreeSet<>(regions.mirrors().keySet())));
    }
    return mirrors(region) ? new MirrorCopies(ledger, region) : MirrorCopies.primary(region);
  }

  /** The one wording of a reference without a copy in {@code region}. */
  public String notMirrored(String region) {
    return "not mirrored: run phoenix mirror --env " + environment + " --to " + region;
  }
}
