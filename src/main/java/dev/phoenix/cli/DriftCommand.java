package dev.phoenix.cli;

import dev.phoenix.drift.DriftCheck;
import dev.phoenix.drift.DriftReports;
import dev.phoenix.drift.DriftResult;
import dev.phoenix.git.GitRepository;
import dev.phoenix.verify.report.ReportFormat;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Compare what runs (local: the environment's labelled containers; aws: its ECS services and Lambda "
        + "functions) with the lockfile at HEAD or --at, and name the newest lockfile revision what runs matches. "
        + "Exit 0 all MATCH, 1 drift, 2 usage, 3 could not check. docs/drift.md.")
final class DriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin StoreOptions stores;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--target", required = true, paramLabel = "local|aws", description = "Where it runs: local or aws.")
  String target;
  @Option(names = "--at", paramLabel = "WHEN",
      description = "Compare with the lockfile in force then: a date, date-time, commit or HEAD~n (default HEAD).")
  String at;
  @Option(names = "--cluster", paramLabel = "NAME", description = "aws: the environment's ECS cluster (default: ENV).")
  String cluster;
  @Option(names = "--function-prefix", paramLabel = "PREFIX",
      description = "aws: Lambda function names are PREFIX + the blueprint's function name (default: ENV-).")
  String functionPrefix;
  @Option(names = "--report", paramLabel = "FORMAT:FILE",
      description = "Also write a report (repeatable): json:FILE, junit:FILE or markdown:FILE.")
  List<String> reports = new ArrayList<>();

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    List<ReportFormat.Destination> targets = ReportFormat.targets(reports);
    for (ReportFormat.Destination t : targets) {
      if (t.format() == ReportFormat.HTML) {
        throw dev.phoenix.core.PhoenixException.input("--report html:" + t.file() + ": drift has no page of its own",
            "write --report json:FILE and give it to the page: phoenix report --env ENV --drift FILE --out report.html");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DriftResult result;
    try (GitRepository git = repo.open();
        DriftProbes.Opened probe = DriftProbes.open(target, git.workTree(), env, stores, cluster, functionPrefix)) {
      result = new DriftCheck(git, probe.probe()).run(env, at, Instant.now());
    }
    out.print(repo.json() ? dev.phoenix.report.Json.write(DriftReports.json(result)) + "\n" : DriftReports.text(result));
    out.flush();
    for (ReportFormat.Destination t : targets) {
      dev.phoenix.core.AtomicFiles.write(t.file(), DriftReports.render(t.format(), result));
      err.println("drift: wrote " + t.format().name().toLowerCase(java.util.Locale.ROOT) + " report " + t.file());
    }
    err.flush();
    return result.exitCode();
  }
}
