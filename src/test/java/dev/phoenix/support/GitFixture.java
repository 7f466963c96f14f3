package dev.phoenix.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Builds real Git repositories with exact commit times, fast enough for thousands of commits:
 * each commit is a full snapshot written through the object inserter, no working tree involved.
 */
public final class GitFixture implements AutoCloseable {
  private final Git git;
  private final Repository repository;
  private final Map<String, String> files = new TreeMap<>();
  private ObjectId head;

  private GitFixture(Git git) {
    this.git = git;
    this.repository = git.getRepository();
  }

  public static GitFixture init(Path dir) {
    try {
      return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<String, String> files() {
    return files;
  }

  public GitFixture put(String path, String content) {
    files.put(path, content);
    return this;
  }

  public GitFixture remove(String path) {
    files.remove(path);
    return this;
  }

  /** Commits the current files on top of HEAD at the given time. */
  public String commit(Instant at, String message) {
    return commit(at, message, head == null ? List.of() : List.of(head));
  }

  /** Commits the current files with explicit parents (two for a merge); HEAD moves to it. */
  public String commit(Instant at, String message, List<ObjectId> parents) {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (var e : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(e.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, e.getValue().getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      PersonIdent who = new PersonIdent("Ada Ops", "ada@example.com", at, TimeZone.getTimeZone("UTC").toZoneId());
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentIds(new ArrayList<>(parents));
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef("refs/heads/main");
      update.setNewObjectId(id);
      update.setForceUpdate(true);
      update.update();
      head = id;
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectId head() {
    return head;
  }

  /** Resets HEAD (without moving it) so that later commits build on {@code id}'s files. */
  public void detachTo(ObjectId id, Map<String, String> snapshot) {
    head = id;
    files.clear();
    files.putAll(snapshot);
  }

  /** Populates the working tree and index from HEAD, as a clone would. */
  public void checkout() {
    try {
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return repository.getWorkTree().toPath();
  }

  @Override
  public void close() {
    git.close();
  }
}
