package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Comparison;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare an environment at two moments (--from/--to), or two environments (--against).",
        "Config is compared by source and version; secret values are never read or shown."})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
  String env;

  @Option(names = "--from", paramLabel = "WHEN", description = "Earlier moment (date, date-time, commit, HEAD~n).")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", defaultValue = "HEAD", description = "Later moment. Default: HEAD.")
  String to;

  @Option(names = "--against", paramLabel = "ENV", description = "Compare with another environment at the same moment (--to).")
  String against;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    EnvNames.check("--against", against);
    if ((from == null) == (against == null)) {
      throw PhoenixException.input("diff needs either --from WHEN or --against ENV", "e.g. phoenix diff --env prod --from 2026-11-01, or phoenix diff --env staging --against prod");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (GitRepository git = repo.open()) {
      Comparison comparison = Comparison.of(git, env, from, to, against, Instant.now());
      PrintWriter err = spec.commandLine().getErr();
      err.print(DiffOutput.warnings(comparison));
      Warnings.uncommitted(git, env, err);
      Warnings.futureDated(git, List.of(comparison.from().commit(), comparison.to().commit()), err);
      out.print(repo.json() ? DiffOutput.json(comparison) : DiffOutput.text(comparison));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
