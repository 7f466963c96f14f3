package dev.phoenix.cli;

import dev.phoenix.lockfile.Validation;
import dev.phoenix.lockfile.WorkingTreeFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check lockfiles and blueprints in the working tree: schema, immutability, no secrets in plain values. Every problem is reported at once; exit 2 when there are any.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Reach scope;

  static final class Reach {
    @Option(names = "--env", paramLabel = "ENV", required = true, description = "Validate this environment (repeatable).")
    List<String> envs;

    @Option(names = "--all-envs", required = true, description = "Validate every environment (the default).")
    boolean all;
  }

  @Option(names = {"--repo", "--dir"}, paramLabel = "PATH", description = "Directory holding environments/ and stacks/ (default: current directory).")
  Path dir;

  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    EnvNames.check("--env", scope == null ? null : scope.envs);
    PrintWriter out = spec.commandLine().getOut();
    WorkingTreeFiles files = new WorkingTreeFiles(dir == null ? Path.of("").toAbsolutePath() : dir);
    List<Validation.Checked> results = Validation.run(files, scope == null || scope.all ? null : scope.envs);
    out.print(output == OutputFormat.json ? ValidateOutput.json(results) : ValidateOutput.text(results));
    out.flush();
    return results.stream().allMatch(Validation.Checked::ok) ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
