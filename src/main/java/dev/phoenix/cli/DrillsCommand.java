package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.report.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private static String brief(String reason) {
    return reason.length() <= 100 ? reason : reason.substring(0, 99) + "…";
  }

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
    if (repo.json()) {
      List<Object> items = new ArrayList<>(listing.records());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", env);
      m.put("records", items);
      out.println(Json.write(m));
    } else if (listing.records().isEmpty()) {
      out.println("no drill records for " + env + " under " + dir);
    } else {
      for (DrillRecord r : listing.records()) {
        out.printf("%s  %-8s %-20s recovery %10s  commit %s  at %s  by %s%s%n", r.startedAt(), r.target(), r.outcome(),
            StderrProgress.seconds(Duration.ofMillis(r.recoveryMillis())),
            r.lockfileCommit() == null ? "-" : r.lockfileCommit().substring(0, Math.min(12, r.lockfileCommit().length())),
            r.asked(), r.by(), r.failureReason() == null ? "" : "  (" + brief(r.failureReason()) + ")");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
