package dev.phoenix.git;

import dev.phoenix.lockfile.EstateFiles;
import java.io.IOException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Estate files read straight from one commit's tree objects. */
final class CommitFiles implements EstateFiles {
  private static final long MAX_BYTES = 4L * 1024 * 1024;
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
      return Optional.of(repository.open(walk.getObjectId(0)).getCachedBytes((int) MAX_BYTES));
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
