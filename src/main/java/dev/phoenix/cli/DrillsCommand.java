package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.DrillRecords;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "drills", mixinStandardHelpOptions = true,
    description = "List an environment's drill records (rebuilds), newest first, with recovery times (docs/drills.md).")
final class DrillsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--drills", description = "Drill record directory. Default: <repo>/drills.") Path drills;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    PrintWriter out = spec.commandLine().getOut();
    Path dir = drills;
    if (dir == null) {
      try (GitRepository git = repo.open()) {
        dir = dev.phoenix.core.UnderRoot.resolve(git.workTree(), "drills");
      }
    }
    DrillRecords.Listing listing = new DrillRecords(dir).list(env);
    listing.unreadable().forEach(f -> spec.commandLine().getErr().println("warning: unreadable drill record " + f));
    out.print(repo.json() ? DrillsOutput.json(env, listing) : DrillsOutput.text(env, dir, listing));
    out.flush();
    return ExitCodes.OK;
  }
}
