package dev.phoenix.lockfile;

import dev.phoenix.core.Problem;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.Regions;
import java.util.ArrayList;
import java.util.List;

/** What {@code validate} checks of an environment's mirror files: regions.yaml and mirrors.ledger. */
public final class MirrorFiles {
  private MirrorFiles() {}

  /** Every problem of the regions file and the ledger; {@code lockfile} (may be null) for the ledger's checksums. */
  public static List<Problem> problems(EstateFiles files, String environment, Lockfile lockfile) {
    List<Problem> out = new ArrayList<>(RegionsReader.read(files, environment).problems());
    String path = MirrorLedger.path(environment);
    EstateFiles.Lookup lookup = files.lookup(path);
    if (lookup.refusal().isPresent()) {
      out.add(EstateReader.refused(path, lookup.refusal().get()));
      return out;
    }
    if (lookup.bytes().isPresent()) {
      Parsed<MirrorLedger> ledger = LedgerReader.read(path, whole(files, path, lookup.bytes().get()));
      out.addAll(ledger.problems());
      if (ledger.value() != null && lockfile != null) {
        out.addAll(LedgerReader.crossCheck(path, ledger.value(), lockfile));
      }
    }
    return out;
  }

  /** Estate files are read up to 1 MiB; a ledger in the working tree is read whole (up to its own limit). */
  private static byte[] whole(EstateFiles files, String path, byte[] first) {
    if (first.length <= dev.phoenix.yaml.SafeYaml.MAX_BYTES || !(files instanceof WorkingTreeFiles w)) {
      return first;
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(w.root().resolve(path),
        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes(LedgerReader.MAX_BYTES + 1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The ledger (the newest: a rebuild at any date reads the working tree's), an empty ledger when
   * there is none; problems with their lines when it does not read.
   */
  public static Parsed<MirrorLedger> ledger(EstateFiles files, String environment) {
    String path = MirrorLedger.path(environment);
    EstateFiles.Lookup lookup = files.lookup(path);
    if (lookup.refusal().isPresent()) {
      return new Parsed<>(null, List.of(EstateReader.refused(path, lookup.refusal().get())));
    }
    if (lookup.bytes().isEmpty()) {
      return new Parsed<>(MirrorLedger.empty(), List.of());
    }
    return LedgerReader.read(path, whole(files, path, lookup.bytes().get()));
  }

  /** The regions file, or an empty value when there is none. */
  public static Parsed<Regions> regions(EstateFiles files, String environment) {
    return RegionsReader.read(files, environment);
  }
}
