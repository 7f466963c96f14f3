package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Revision;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.MirrorSetup;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;

/** Phase {@code resolve}: the commit at the moment, and its lockfile and blueprints, all from that commit. */
final class Resolve {
  private Resolve() {}

  static Resolved run(GitRepository git, RebuildRequest request) {
    Revision revision = new TimeTravel(git).resolve(request.environment(), request.at(), request.now());
    Parsed<Estate> estate = EstateReader.read(revision.files(), request.environment());
    if (!estate.ok()) {
      StringBuilder s = new StringBuilder("environment " + request.environment() + " at commit "
          + revision.commit().shortId() + " is not valid (" + estate.problems().size() + " problem(s)):");
      for (Problem p : estate.problems()) {
        s.append("\n  ").append(p.render());
      }
      throw PhoenixException.input(s.toString(),
          "rebuild from a valid commit (phoenix validate; phoenix history --env " + request.environment() + ")");
    }
    if (request.mirrorRegion() == null) {
      return new Resolved(request.at(), revision, estate.value());
    }
    // a mirror region: every reference to its copy there, through the newest ledger (docs/regions.md)
    MirrorSetup setup = MirrorSetup.read(request.workTree(), request.environment());
    dev.phoenix.check.MirrorCopies copies = setup.copies(request.mirrorRegion());
    RegionResolve.Result moved = RegionResolve.of(estate.value(), copies);
    return new Resolved(request.at(), revision, moved.estate(), new Resolved.InRegion(request.mirrorRegion(),
        moved.uncopied(), setup.notMirrored(request.mirrorRegion()), copies));
  }
}
