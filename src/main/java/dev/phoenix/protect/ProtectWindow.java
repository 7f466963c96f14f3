package dev.phoenix.protect;

import dev.phoenix.check.BackupListing;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.model.Datastore;
import dev.phoenix.verify.EnvRevision;
import dev.phoenix.verify.Revisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The revisions of an environment a rebuild may be asked for: every revision in force at some
 * moment since the start of the window (the one live at its start and every one committed since),
 * newest first. {@code wanted}: every reference they pin, with who uses it; {@code ever}: every
 * reference any revision ever pinned (where stale protections may be found). Revisions and the
 * window rule are {@code history/Mainline}'s, so protect, verify and history agree on what a
 * window holds.
 */
public record ProtectWindow(Instant since, List<CommitInfo> revisions, Map<Ref, List<String>> wanted, Set<Ref> ever) {

  public static ProtectWindow of(GitRepository git, String env, Instant since) {
    return of(git, env, since, Instant.now(), List.of());
  }

  /**
   * With {@code listings}, also the backups of every datastore the window's revisions declare (the
   * newest declaration of each name): those a rebuild at some moment of the window restores — the
   * newest at or before {@code since} and every one after ({@link BackupListing#needed}) — are
   * wanted; every backup listed is in {@code ever}, where prune looks for stale marks. A datastore
   * whose backups no listing reads is left out; one whose store cannot be listed fails the run,
   * named (protect must not prune what it could not see).
   */
  public static ProtectWindow of(GitRepository git, String env, Instant since, Instant now,
      List<BackupListing> listings) {
    List<EnvRevision> all = new Revisions(git, now).all(env);
    List<CommitInfo> revisions = new ArrayList<>();
    Map<Ref, List<String>> wanted = new LinkedHashMap<>();
    Set<Ref> ever = new LinkedHashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) { // newest first
      EnvRevision revision = all.get(i);
      CommitInfo commit = revision.commit();
      revision.refs().keySet().forEach(r -> ever.add(identity(r)));
      if (revision.inForceDuring(since, now)) {
        revisions.add(commit);
        revision.refs().forEach((ref, uses) -> uses.forEach(u ->
            wanted.computeIfAbsent(identity(ref), k -> new ArrayList<>()).add(u + " at " + commit.shortId())));
      }
    }
    addBackups(all, since, now, listings, wanted, ever);
    return new ProtectWindow(since, revisions, wanted, ever);
  }

  /** The backups of the window's datastores from {@code listings} into {@code wanted} (those needed) and {@code ever}. */
  private static void addBackups(List<EnvRevision> all, Instant since, Instant now, List<BackupListing> listings,
      Map<Ref, List<String>> wanted, Set<Ref> ever) {
    Map<String, Datastore> declared = new LinkedHashMap<>();
    for (EnvRevision revision : all) { // oldest first: the newest declaration wins
      if (revision.inForceDuring(since, now)) {
        revision.datastores().forEach(d -> declared.put(d.name(), d));
      }
    }
    for (Datastore d : declared.values()) {
      Optional<BackupListing> listing = listings.stream().filter(l -> l.handles(d.backups())).findFirst();
      if (listing.isEmpty()) {
        continue;
      }
      List<BackupListing.Point> points;
      try {
        points = listing.get().list(d.backups());
      } catch (PhoenixException e) {
        throw new PhoenixException(e.kind(), "cannot list the backups of datastore " + d.name() + " ("
            + d.backups().describe() + "): " + e.getMessage(), "protect marks and prunes nothing until they can be listed", e);
      }
      points.forEach(p -> ever.add(identity(p.ref())));
      for (BackupListing.Point p : BackupListing.needed(points, since)) {
        wanted.computeIfAbsent(identity(p.ref()), k -> new ArrayList<>())
            .add("datastore " + d.name() + " (backup taken " + p.takenAt() + ")");
      }
    }
  }

  /**
   * As {@link #inRegion(dev.phoenix.check.MirrorCopies)}, with the datastores' backup copies the
   * ledger records in that region ({@code dump} and {@code rds} lines, at their source's time): those
   * a rebuild in the window restores there are wanted. The primary region is not asked.
   */
  public ProtectWindow inRegion(GitRepository git, String env, Instant now, dev.phoenix.check.MirrorCopies copies) {
    ProtectWindow moved = inRegion(copies);
    Map<Ref, List<String>> wanted = new LinkedHashMap<>(moved.wanted());
    Set<Ref> ever = new LinkedHashSet<>(moved.ever());
    addBackups(new Revisions(git, now).all(env), since, now, List.of(copies.listing()), wanted, ever);
    return new ProtectWindow(since, revisions, wanted, ever);
  }

  /**
   * The same window over the copies in a mirror region ({@code protect --region}): each reference
   * replaced by its copy as the newest ledger records it; references without a copy there are left
   * out (nothing in the region to mark; {@code verify --region} names them). The ledger names a
   * source by its id, which {@link #identity} keeps. A secret's Secrets Manager replica
   * ({@code via=replica}) is left out too: a replica takes no staging labels; the primary's, which
   * {@code protect} sets, are replicated to it.
   */
  public ProtectWindow inRegion(dev.phoenix.check.MirrorCopies copies) {
    Map<Ref, List<String>> moved = new LinkedHashMap<>();
    wanted.forEach((ref, uses) -> markable(copies, ref).ifPresent(copy ->
        moved.computeIfAbsent(identity(copy), k -> new ArrayList<>()).addAll(uses)));
    Set<Ref> everMoved = new LinkedHashSet<>();
    ever.forEach(ref -> markable(copies, ref).ifPresent(copy -> everMoved.add(identity(copy))));
    return new ProtectWindow(since, revisions, moved, everMoved);
  }

  private static java.util.Optional<Ref> markable(dev.phoenix.check.MirrorCopies copies, Ref ref) {
    boolean replica = copies.entry(ref).flatMap(e -> e.attribute(dev.phoenix.model.MirrorLedger.VIA))
        .filter("replica"::equals).isPresent();
    return replica ? java.util.Optional.empty() : copies.copyOf(ref);
  }

  /** What identifies a stored version (an S3 object's expected sha256 is not part of it). */
  public static Ref identity(Ref ref) {
    return ref instanceof Ref.S3Object o ? new Ref.S3Object(o.bucket(), o.key(), o.versionId(), null) : ref;
  }
}
