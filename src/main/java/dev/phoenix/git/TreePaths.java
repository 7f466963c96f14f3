package dev.phoenix.git;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Finds a path's entry in commits' trees through one reader, remembering each tree it parsed by
 * its id. A history walk asks the same few paths of thousands of commits whose trees share almost
 * every subtree (a commit that changed one lockfile has a new root and a new environment directory,
 * the rest is the parent's), so most steps of a lookup are a map hit rather than a tree parse: what
 * a fresh {@code TreeWalk} per lookup cost {@code history} and {@code verify} on long histories.
 * Trees are immutable under their id, so nothing remembered can go stale; at most {@link #TREES}
 * trees are kept. One lookup at a time (JGit's reader and walk are not shared across threads).
 */
final class TreePaths implements AutoCloseable {
  static final int TREES = 20_000;

  private record Entry(int mode, ObjectId id) {}

  private final ObjectReader reader;
  private final RevWalk walk;
  private final Map<ObjectId, Map<String, Entry>> trees = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ObjectId, Map<String, Entry>> eldest) {
      return size() > TREES;
    }
  };

  TreePaths(Repository repository) {
    this.reader = repository.newObjectReader();
    this.walk = new RevWalk(reader);
  }

  /** {@code "<octal mode> <object id>"} of {@code path} in the commit's tree; empty when absent. */
  synchronized Optional<String> entryAt(ObjectId commit, String path) throws IOException {
    ObjectId tree = walk.parseCommit(commit).getTree();
    int mode = FileMode.TYPE_TREE;
    ObjectId id = tree;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if ((mode & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
        return Optional.empty(); // a file where a directory was asked
      }
      Entry entry = entries(id).get(segment);
      if (entry == null) {
        return Optional.empty();
      }
      mode = entry.mode();
      id = entry.id();
    }
    return Optional.of(Integer.toOctalString(mode) + " " + id.name());
  }

  private Map<String, Entry> entries(ObjectId tree) throws IOException {
    Map<String, Entry> known = trees.get(tree);
    if (known != null) {
      return known;
    }
    Map<String, Entry> entries = new HashMap<>();
    CanonicalTreeParser parser = new CanonicalTreeParser();
    parser.reset(reader, tree);
    while (!parser.eof()) {
      entries.put(parser.getEntryPathString(), new Entry(parser.getEntryRawMode(), parser.getEntryObjectId()));
      parser.next();
    }
    trees.put(tree.copy(), entries);
    return entries;
  }

  @Override
  public synchronized void close() {
    walk.close();
    reader.close();
  }
}
