package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.verify.EnvRevision;
import dev.phoenix.verify.Revisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    Instant now = Instant.now();
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
    return new ProtectWindow(since, revisions, wanted, ever);
  }

  /**
   * The same window over the copies in a mirror region ({@code protect --region}): each reference
   * replaced by its copy as the newest ledger records it; references without a copy there are left
   * out (nothing in the region to mark; {@code verify --region} names them). The ledger names a
   * source by its id, which {@link #identity} keeps.
   */
  public ProtectWindow inRegion(dev.phoenix.check.MirrorCopies copies) {
    Map<Ref, List<String>> moved = new LinkedHashMap<>();
    wanted.forEach((ref, uses) -> copies.copyOf(ref).ifPresent(copy ->
        moved.computeIfAbsent(identity(copy), k -> new ArrayList<>()).addAll(uses)));
    Set<Ref> everMoved = new LinkedHashSet<>();
    ever.forEach(ref -> copies.copyOf(ref).ifPresent(copy -> everMoved.add(identity(copy))));
    return new ProtectWindow(since, revisions, moved, everMoved);
  }

  /** What identifies a stored version (an S3 object's expected sha256 is not part of it). */
  public static Ref identity(Ref ref) {
    return ref instanceof Ref.S3Object o ? new Ref.S3Object(o.bucket(), o.key(), o.versionId(), null) : ref;
  }
}
