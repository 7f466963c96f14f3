package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.HistoryEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List the commits that changed an environment's lockfile or its stacks, newest first, with what changed.")
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
  String env;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    PrintWriter out = spec.commandLine().getOut();
    try (GitRepository git = repo.open()) {
      List<HistoryEntry> entries = new History(git).of(env);
      Warnings.uncommitted(git, env, spec.commandLine().getErr());
      Warnings.futureDated(git, entries.stream().map(HistoryEntry::commit).toList(), spec.commandLine().getErr());
      out.print(repo.json() ? HistoryOutput.json(env, entries) : HistoryOutput.text(entries));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
