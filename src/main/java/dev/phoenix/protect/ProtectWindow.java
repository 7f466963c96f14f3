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
 * The revisions of an environment a rebuild may be asked for: every mainline revision since the
 * start of the window, plus the one that was live at its start. {@code wanted}: every reference
 * they pin, with who uses it; {@code ever}: every reference any revision ever pinned (where
 * stale protections may be found). Revisions come from verify's single pass over the mainline, so
 * protect and verify agree on what a window holds.
 */
public record ProtectWindow(Instant since, List<CommitInfo> revisions, Map<Ref, List<String>> wanted, Set<Ref> ever) {

  public static ProtectWindow of(GitRepository git, String env, Instant since) {
    List<EnvRevision> all = new Revisions(git)
        .of(env, dev.phoenix.verify.VerifyWindow.between(Instant.EPOCH, Instant.now(), "all history"));
    List<CommitInfo> revisions = new ArrayList<>();
    Map<Ref, List<String>> wanted = new LinkedHashMap<>();
    Set<Ref> ever = new LinkedHashSet<>();
    boolean startFound = false;
    for (int i = all.size() - 1; i >= 0; i--) { // newest first
      EnvRevision revision = all.get(i);
      CommitInfo commit = revision.commit();
      revision.refs().keySet().forEach(r -> ever.add(identity(r)));
      boolean inWindow = !commit.committedAt().isBefore(since);
      if (inWindow || !startFound) {
        startFound |= !inWindow;
        revisions.add(commit);
        revision.refs().forEach((ref, uses) -> uses.forEach(u ->
            wanted.computeIfAbsent(identity(ref), k -> new ArrayList<>()).add(u + " at " + commit.shortId())));
      }
    }
    return new ProtectWindow(since, revisions, wanted, ever);
  }

  /** What identifies a stored version (an S3 object's expected sha256 is not part of it). */
  public static Ref identity(Ref ref) {
    return ref instanceof Ref.S3Object o ? new Ref.S3Object(o.bucket(), o.key(), o.versionId(), null) : ref;
  }
}
