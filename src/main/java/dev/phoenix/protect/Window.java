package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.HistoryEntry;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.model.Lockfile;
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
 * stale protections may be found).
 */
public record Window(Instant since, List<CommitInfo> revisions, Map<Ref, List<String>> wanted, Set<Ref> ever) {

  public static Window of(GitRepository git, String env, Instant since) {
    List<CommitInfo> revisions = new ArrayList<>();
    Map<Ref, List<String>> wanted = new LinkedHashMap<>();
    Set<Ref> ever = new LinkedHashSet<>();
    boolean startFound = false;
    for (HistoryEntry entry : new History(git).of(env)) {
      CommitInfo commit = entry.commit();
      Lockfile lockfile = git.filesAt(commit).read(Lockfile.path(env))
          .map(bytes -> LockfileReader.read(Lockfile.path(env), bytes, env).value())
          .orElse(null);
      if (lockfile == null) {
        continue;
      }
      Map<Ref, List<String>> refs = Refs.of(lockfile);
      refs.keySet().forEach(r -> ever.add(identity(r)));
      boolean inWindow = !commit.committedAt().isBefore(since);
      if (inWindow || !startFound) {
        startFound |= !inWindow;
        revisions.add(commit);
        refs.forEach((ref, uses) -> uses.forEach(u ->
            wanted.computeIfAbsent(identity(ref), k -> new ArrayList<>()).add(u + " at " + commit.shortId())));
      }
    }
    return new Window(since, revisions, wanted, ever);
  }

  /** What identifies a stored version (an S3 object's expected sha256 is not part of it). */
  public static Ref identity(Ref ref) {
    return ref instanceof Ref.S3Object o ? new Ref.S3Object(o.bucket(), o.key(), o.versionId(), null) : ref;
  }
}
