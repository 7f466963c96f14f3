package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.Estates;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A repository without a single commit: every command that reads history says exactly that. */
class EmptyRepositoryTest {
  @TempDir Path dir;

  @BeforeEach
  void emptyRepositoryWithAnEstateNotYetCommitted() throws Exception {
    Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
    Estates.write(dir, TinyEstate.lockPath("emp"), TinyEstate.lock("emp", ""));
    Estates.write(dir, TinyEstate.STACK_PATH, TinyEstate.STACK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"show --env emp", "show --env emp --at 2026-11-01", "history --env emp",
      "diff --env emp --from HEAD~1", "verify --env emp", "verify --all-envs", "verify --env emp --since 30d",
      "verify --env emp --from HEAD~1", "protect --env emp", "rebuild --env emp --at HEAD --target local"})
  void saysThereAreNoCommitsYet(String command) {
    ReadCli run = ReadCli.in(dir, command.split(" "));
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains("error: the repository at " + dir
        + " has no commits yet, so there is no history to read\n  what to do: commit the estate first: git add"
        + " environments stacks && git commit (phoenix validate checks the working tree before that)\n");
  }
}
