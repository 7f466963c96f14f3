package dev.phoenix.git;

import dev.phoenix.lockfile.EstateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Estate files read straight from one commit's tree objects. */
final class CommitFiles implements EstateFiles {
  /**
   * Phoenix never reads more of a file than this: anything longer is refused by the YAML reader
   * anyway, so only the first {@code MAX_BYTES + 1} bytes of a larger blob are loaded (enough for it
   * to say "over the limit"), and a 4 GB blob in history is one INVALID revision, not a crash.
   */
  private static final int MAX_BYTES = dev.phoenix.yaml.SafeYaml.MAX_BYTES;
  private final Repository repository;
  private final CommitInfo commit;
  private final RevTree tree;

  CommitFiles(Repository repository, CommitInfo commit) {
    this.repository = repository;
    this.commit = commit;
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit.id()));
      this.tree = c.getTree();
    } catch (IOException e) {
      throw new GitException("cannot read commit " + commit.id() + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public Optional<byte[]> read(String path) {
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
        return Optional.empty();
      }
      ObjectLoader loader = repository.open(walk.getObjectId(0));
      if (loader.getSize() <= MAX_BYTES) {
        return Optional.of(loader.getCachedBytes(MAX_BYTES));
      }
      try (InputStream in = loader.openStream()) {
        return Optional.of(in.readNBytes(MAX_BYTES + 1));
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at commit " + commit.shortId() + ": " + e.getMessage(),
          "the object may be too large or the repository damaged (git fsck)", e);
    }
  }

  @Override
  public SortedSet<String> environments() {
    SortedSet<String> names = new TreeSet<>();
    try (TreeWalk walk = TreeWalk.forPath(repository, "environments", tree)) {
      if (walk == null || !walk.isSubtree()) {
        return names;
      }
      try (TreeWalk children = new TreeWalk(repository)) {
        children.addTree(walk.getObjectId(0));
        while (children.next()) {
          String name = children.getNameString();
          if (children.isSubtree() && read("environments/" + name + "/environment.lock.yaml").isPresent()) {
            names.add(name);
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new GitException("cannot list environments at " + commit.shortId() + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public String label() {
    return "commit " + commit.shortId();
  }
}
