package dev.phoenix.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitRepository#entryAt} (remembered trees) answers exactly what a fresh TreeWalk per lookup answers. */
class EntryAtTest {
  @TempDir Path dir;

  @Test
  void remembersTreesWithoutChangingAnAnswer() throws Exception {
    String first;
    String second;
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("environments/prod/environment.lock.yaml", "a: 1\n").put("stacks/web.yaml", "kind: Stack\n");
      first = git.commit(Instant.parse("2026-01-01T00:00:00Z"), "one");
      git.put("environments/prod/environment.lock.yaml", "a: 2\n").remove("stacks/web.yaml")
          .put("stacks/api.yaml", "kind: Stack\n");
      second = git.commit(Instant.parse("2026-01-02T00:00:00Z"), "two");
    }
    String[] paths = {"environments/prod/environment.lock.yaml", "environments/prod", "environments", "stacks",
        "stacks/web.yaml", "stacks/api.yaml", "environments/prod/environment.lock.yaml/deeper", "nothing/here",
        "environments/qa/environment.lock.yaml"};
    try (GitRepository repo = GitRepository.open(dir);
        Repository plain = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build()) {
      for (int round = 0; round < 2; round++) { // the second round answers from remembered trees
        for (String commit : new String[] {first, second}) {
          for (String path : paths) {
            assertThat(repo.entryAt(commit, path)).as(commit + " " + path).isEqualTo(fresh(plain, commit, path));
          }
        }
      }
      assertThat(repo.entryAt(first, "stacks/web.yaml")).get().asString().startsWith("100644 ");
      assertThat(repo.entryAt(second, "stacks/web.yaml")).isEmpty();
      assertThat(repo.entryAt(first, "stacks")).get().asString().startsWith("40000 ");
      assertThat(repo.entryAt(first, "environments/prod/environment.lock.yaml"))
          .isNotEqualTo(repo.entryAt(second, "environments/prod/environment.lock.yaml"));
    }
  }

  private static Optional<String> fresh(Repository repository, String commitId, String path) throws Exception {
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commitId)).getTree())) {
      return tree == null ? Optional.empty()
          : Optional.of(Integer.toOctalString(tree.getRawMode(0)) + " " + tree.getObjectId(0).name());
    }
  }
}
