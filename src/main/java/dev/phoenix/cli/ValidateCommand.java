package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.MirrorFiles;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Estate;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
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
  Scope scope;

  static final class Scope {
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
    SortedSet<String> known = files.environments();
    List<String> envs = scope == null || scope.all ? new ArrayList<>(known) : scope.envs;
    if (envs.isEmpty()) {
      throw PhoenixException.input("no environments found under " + files.root().resolve("environments"),
          "create environments/<env>/environment.lock.yaml (docs/lockfile.md)");
    }
    List<Object> results = new ArrayList<>();
    int failures = 0;
    for (String env : envs) {
      if (!known.contains(env)) {
        throw PhoenixException.input("unknown environment '" + env + "'",
            known.isEmpty() ? "no environment has a lockfile here" : "known environments: " + String.join(", ", known));
      }
      Parsed<Estate> read = EstateReader.read(files, env);
      List<Problem> all = new ArrayList<>(read.problems());
      all.addAll(MirrorFiles.problems(files, env, read.value() == null ? null : read.value().lockfile()));
      Parsed<Estate> estate = new Parsed<>(read.value(), List.copyOf(all));
      failures += estate.problems().isEmpty() ? 0 : 1;
      if (output == OutputFormat.json) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("environment", env);
        r.put("ok", estate.problems().isEmpty());
        r.put("problems", estate.problems().stream().map(Views::problem).toList());
        results.add(r);
      } else {
        for (Problem p : estate.problems()) {
          out.println(p.render());
        }
        out.println(summary(env, estate));
      }
    }
    if (output == OutputFormat.json) {
      out.println(Json.write(Map.of("environments", results)));
    }
    out.flush();
    return failures == 0 ? ExitCodes.OK : ExitCodes.USAGE;
  }

  private static String summary(String env, Parsed<Estate> estate) {
    if (!estate.problems().isEmpty()) {
      int n = estate.problems().size();
      return env + ": " + n + (n == 1 ? " problem" : " problems");
    }
    Estate e = estate.value();
    return env + ": ok (" + e.lockfile().artefacts().size() + " artefacts, " + e.stacks().size() + " stacks)";
  }
}
