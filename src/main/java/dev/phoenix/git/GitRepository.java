package dev.phoenix.git;

import dev.phoenix.lockfile.EstateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads history objects of the repository around a directory; the only package that knows JGit
 * exists. Only {@link #commitFiles} writes (index and branch), for lock/attest/promote --commit.
 */
public final class GitRepository implements AutoCloseable {
  private final Repository repository;
  private final ThreadReaders readers;
  private TreePaths paths; // made on the first entryAt

  private GitRepository(Repository repository) {
    this.repository = repository;
    this.readers = new ThreadReaders(repository);
  }

  public static GitRepository open(Path start) {
    JGitSetup.once();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
    builder.findGitDir(start.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(start.toAbsolutePath() + " is not inside a Git repository",
          "run phoenix inside the repository that holds environments/ and stacks/, or pass --repo PATH");
    }
    try {
      Repository repository = builder.setMustExist(true).build();
      if (Files.exists(builder.getGitDir().toPath().resolve("shallow"))) {
        repository.close();
        throw new GitException("the repository is a shallow clone: its history is cut off, so past states cannot be read",
            "fetch the whole history: git fetch --unshallow (in CI: actions/checkout with fetch-depth: 0)");
      }
      return new GitRepository(repository);
    } catch (IOException e) {
      throw new GitException("cannot open the Git repository at " + builder.getGitDir() + ": " + e.getMessage(),
          "check the path given with --repo", e);
    }
  }

  public Path workTree() {
    return repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
  }

  /** The commit a revision expression (id, prefix, HEAD~n, branch) names, if any. */
  public Optional<CommitInfo> resolve(String revision) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve(revision + "^{commit}");
      return id == null ? Optional.empty() : Optional.of(info(walk.parseCommit(id)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Optional<CommitInfo> head() {
    return resolve(Constants.HEAD);
  }

  /**
   * Walks HEAD's first-parent chain, newest first, until {@code stop} says so. The first-parent
   * chain is the mainline: a merged branch's commits count from the time of the merge.
   */
  public List<CommitInfo> mainline(Predicate<CommitInfo> stop) {
    List<CommitInfo> out = new ArrayList<>();
    walkMainline(c -> {
      out.add(c);
      return stop.test(c);
    });
    return out;
  }

  /**
   * The newest mainline commit whose committer date is not after {@code moment}, or empty when
   * every commit is newer. Only commit headers are parsed on the way (no message, no identity).
   */
  public Optional<CommitInfo> mainlineAt(Instant moment) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head == null) {
        return Optional.empty();
      }
      Optional<ObjectId> id = MainlineIndex.forHead(walk, head, MainlineIndex.fileFor(repository.getDirectory()))
          .at(moment.getEpochSecond());
      if (id.isEmpty()) {
        return Optional.empty();
      }
      try (RevWalk full = new RevWalk(repository)) {
        return Optional.of(info(full.parseCommit(id.get())));
      }
    } catch (IOException e) {
      throw new GitException("cannot read history: " + e.getMessage(), "check the repository with git fsck", e);
    }
  }

  private void walkMainline(Predicate<CommitInfo> visit) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head == null) {
        return;
      }
      Path file = MainlineIndex.fileFor(repository.getDirectory());
      Optional<MainlineIndex> kept = MainlineIndex.ifKept(walk, head, file);
      if (kept.isPresent()) { // the chain from the index: no commit inflated
        MainlineIndex index = kept.get();
        for (int i = 0; i < index.size(); i++) {
          if (visit.test(index.info(i))) {
            return;
          }
        }
        return;
      }
      List<CommitInfo> walked = new ArrayList<>();
      RevCommit commit = walk.parseCommit(head);
      while (true) {
        CommitInfo c = info(commit);
        walked.add(c);
        if (visit.test(c)) {
          return;
        }
        if (commit.getParentCount() == 0) {
          MainlineIndex.save(head, walked, file); // the whole chain was walked: the next walk reads it
          return;
        }
        commit = walk.parseCommit(commit.getParent(0));
      }
    } catch (IOException e) {
      throw new GitException("cannot read history: " + e.getMessage(), "check the repository with git fsck", e);
    }
  }

  /** The object id of a path (file or directory) at a commit, or empty when absent: cheap change detection. */
  public Optional<String> objectAt(String commitId, String path) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      try (TreeWalk tree = TreeWalk.forPath(walk.getObjectReader(), path, commit.getTree())) {
        return tree == null ? Optional.empty() : Optional.of(tree.getObjectId(0).name());
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at " + commitId + ": " + e.getMessage(), null, e);
    }
  }

  /**
   * The entry at a path of a commit as {@code "<octal mode> <object id>"} (a regular file
   * {@code 100644 …}, a link {@code 120000 …}, a directory {@code 40000 …}), or empty when absent:
   * change detection that also sees a file turned into a link.
   */
  public Optional<String> entryAt(String commitId, String path) {
    try {
      return paths().entryAt(ObjectId.fromString(commitId), path);
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at " + commitId + ": " + e.getMessage(), null, e);
    }
  }

  private synchronized TreePaths paths() {
    if (paths == null) {
      paths = new TreePaths(repository);
    }
    return paths;
  }

  /**
   * {@code objectIds} in the order the repository stores them ({@link StorageOrder}): reading
   * objects in this order, on one thread, undeltifies each from a base just read.
   */
  public List<String> inStorageOrder(List<String> objectIds) {
    return StorageOrder.of(repository, objectIds);
  }

  /** Whether an {@link #entryAt} value is a regular file (not a link, directory or submodule). */
  public static boolean regularFile(String entry) {
    return entry.startsWith("100");
  }

  /** The estate files exactly as they were in one commit. */
  public EstateFiles filesAt(CommitInfo commit) {
    return new CommitFiles(readers, commit);
  }

  /**
   * Frees what this thread kept for reading files ({@link #filesAt}): for a pool thread whose
   * reading is done. Reading again on it later simply starts afresh.
   */
  public void doneReadingOnThisThread() {
    readers.release();
  }

  /** Paths under the given prefixes whose working-tree or index state differs from HEAD. */
  public List<String> uncommittedChanges(List<String> prefixes) {
    if (repository.isBare()) {
      return List.of();
    }
    try (Git git = new Git(repository)) {
      var status = git.status();
      prefixes.forEach(status::addPath);
      Status s = status.call();
      List<String> changed = new ArrayList<>(s.getUncommittedChanges());
      changed.addAll(s.getUntracked());
      return changed.stream().sorted().toList();
    } catch (GitAPIException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Commits exactly these repository-relative paths (other staged or modified files are left
   * out) with the message; author "Name <email>" or null for the repository's user.
   */
  public CommitInfo commitFiles(List<String> paths, String message, String author) {
    return Committer.commit(repository, paths, message, author);
  }

  static CommitInfo info(RevCommit commit) {
    String author = commit.getAuthorIdent() == null ? "" : commit.getAuthorIdent().getName();
    return new CommitInfo(commit.getName(), Instant.ofEpochSecond(commit.getCommitTime()), author,
        commit.getShortMessage());
  }

  Repository repository() {
    return repository;
  }

  public File directory() {
    return repository.getDirectory();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (paths != null) {
        paths.close();
      }
    }
    readers.close();
    repository.close();
  }
}
