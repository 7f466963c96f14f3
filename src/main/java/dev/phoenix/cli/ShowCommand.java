package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Revision;
import dev.phoenix.history.Snapshot;
import dev.phoenix.history.TimeTravel;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show an environment's lockfile and blueprints exactly as they were at a moment of Git history.",
    footer = {"", "Exit codes: 0 shown and valid, 1 shown but the revision is INVALID (every problem on stderr;"
        + " in JSON: valid=false and problems), 2 usage or an unknown environment/moment."})
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
  String env;

  @Option(names = "--at", paramLabel = "WHEN", defaultValue = "HEAD",
      description = "ISO date or date-time (no zone = UTC; a date means the end of that day), a commit id, or HEAD~n. Default: HEAD.")
  String at;

  @Option(names = "--timings", description = "Print how long the in-process history lookup took (stderr).")
  boolean timings;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    try (GitRepository git = repo.open()) {
      long open = System.nanoTime() - start;
      Revision revision = new TimeTravel(git).resolveReadable(env, at, Instant.now());
      long lookup = System.nanoTime() - start - open;
      Snapshot snapshot = Snapshot.of(revision);
      long read = System.nanoTime() - start - open - lookup;
      Warnings.uncommitted(git, env, err);
      Warnings.futureDated(git, List.of(revision.commit()), err);
      out.print(repo.json() ? ShowOutput.json(at, revision, snapshot) : ShowOutput.text(revision, snapshot));
      out.flush();
      err.print(ShowOutput.problems(revision, snapshot));
      if (timings) {
        err.printf("timings: open %.1f ms (JGit start-up, repository opened), lookup %.1f ms (commit found, lockfile read),"
                + " parse %.1f ms%n", open / 1e6, lookup / 1e6, read / 1e6);
      }
      return snapshot.estate().problems().isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
  }
}
