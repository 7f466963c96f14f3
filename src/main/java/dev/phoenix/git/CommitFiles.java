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
import org.eclipse.jgit.lib.ObjectReader;
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
  private final ThreadReaders readers;
  private final CommitInfo commit;
  private final RevTree tree;

  /**
   * {@code readers}: each read goes through the calling thread's reader, whose delta base cache the
   * next read finds warm. Tree walks are made on the reader alone, not on the repository: a walk
   * made on the repository asks it for its configuration, which checks the user's Git config files
   * for changes on every call (two failed file lookups per path read, 7,700 in a year's estate).
   */
  CommitFiles(ThreadReaders readers, CommitInfo commit) {
    this.readers = readers;
    this.commit = commit;
    try (RevWalk walk = new RevWalk(readers.get())) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit.id()));
      this.tree = c.getTree();
    } catch (IOException e) {
      throw new GitException("cannot read commit " + commit.id() + ": " + e.getMessage(), null, e);
    }
  }

  /** Committed links (git mode 120000) and submodules are refused by their mode, never read as text. */
  @Override
  public Lookup lookup(String path) {
    Optional<String> bad = EstateFiles.badPath(path);
    if (bad.isPresent()) {
      return Lookup.refused(bad.get());
    }
    ObjectReader reader = readers.get();
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return behindLink(path);
      }
      int type = walk.getRawMode(0) & FileMode.TYPE_MASK;
      if (type == FileMode.TYPE_SYMLINK) {
        return Lookup.refused("is a symbolic link (git mode 120000)");
      }
      if (type == FileMode.TYPE_GITLINK) {
        return Lookup.refused("is a submodule, not a file");
      }
      if (type == FileMode.TYPE_TREE) {
        return Lookup.refused("is a directory, not a file");
      }
      if (type != FileMode.TYPE_FILE) {
        return Lookup.refused("is not a regular file");
      }
      ObjectLoader loader = reader.open(walk.getObjectId(0));
      if (loader.getSize() <= MAX_BYTES) {
        return Lookup.of(loader.getCachedBytes(MAX_BYTES));
      }
      try (InputStream in = loader.openStream()) {
        return Lookup.of(in.readNBytes(MAX_BYTES + 1));
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at commit " + commit.shortId() + ": " + e.getMessage(),
          "the object may be too large or the repository damaged (git fsck)", e);
    }
  }

  /** An absent path may be absent because a directory on its way is a committed link: say so. */
  private Lookup behindLink(String path) throws IOException {
    String[] segments = path.split("/");
    for (int i = 1; i < segments.length; i++) {
      String prefix = String.join("/", java.util.Arrays.copyOf(segments, i));
      try (TreeWalk walk = TreeWalk.forPath(readers.get(), prefix, tree)) {
        if (walk == null) {
          return Lookup.absent();
        }
        if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK) {
          return Lookup.refused("lies behind a symbolic link (" + prefix + ", git mode 120000)");
        }
      }
    }
    return Lookup.absent();
  }

  @Override
  public SortedSet<String> environments() {
    SortedSet<String> names = new TreeSet<>();
    try (TreeWalk walk = TreeWalk.forPath(readers.get(), "environments", tree)) {
      if (walk == null || !walk.isSubtree()) {
        return names;
      }
      try (TreeWalk children = new TreeWalk(readers.get())) {
        children.addTree(walk.getObjectId(0));
        while (children.next()) {
          String name = children.getNameString();
          boolean linked = (children.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
          if ((children.isSubtree() || linked)
              && !lookup("environments/" + name + "/environment.lock.yaml").isAbsent()) {
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
