package dev.phoenix.cli;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockwrite.CommitMessage;
import dev.phoenix.lockwrite.LockfileWriter;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.core.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of the commands that write a lockfile (lock, attest, promote, rollback); their output is {@link WriteOutput}. */
final class WriteOptions {
  @Option(names = "--commit", description = "Commit the lockfile (only it) with a structured message.")
  boolean commit;

  @Option(names = "--author", paramLabel = "'NAME <EMAIL>'",
      description = "Author of the commit (default: the repository's user, else phoenix).")
  String author;

  @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
      description = "Wait up to this long (e.g. 30s) when another Phoenix is writing the same lockfile. Default: fail at once.")
  String lockWait;

  CommitInfo committed;

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  LockfileWriter writer(Path root) {
    Duration wait = Durations.optionOrZero(lockWait, "--lock-wait", Durations.DEADLINE);
    return new LockfileWriter(root, wait, "phoenix " + mixee.name(), line -> {
      mixee.commandLine().getErr().println(line);
      mixee.commandLine().getErr().flush();
    });
  }

  /** The Git commit to run under the write lock, or nothing. */
  Consumer<WriteResult> afterWrite(Path root, String command, List<String> details) {
    return afterWrite(root, command, "", details);
  }

  /** As {@link #afterWrite(Path, String, List)}, {@code qualifier} following the environment in the subject. */
  Consumer<WriteResult> afterWrite(Path root, String command, String qualifier, List<String> details) {
    if (!commit) {
      return r -> {};
    }
    return r -> {
      try (GitRepository git = GitRepository.open(root)) {
        String path = git.workTree().toAbsolutePath().normalize()
            .relativize(root.toAbsolutePath().normalize().resolve(r.path())).toString().replace('\\', '/');
        committed = git.commitFiles(List.of(path), CommitMessage.of(command, qualifier, r, details), author);
      }
    };
  }

  static Path root(RepoOptions repo) {
    return repo.repo == null ? Path.of("").toAbsolutePath() : repo.repo.toAbsolutePath();
  }
}
