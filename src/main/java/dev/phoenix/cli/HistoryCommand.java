package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Change;
import dev.phoenix.history.History;
import dev.phoenix.history.HistoryEntry;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.io.PrintWriter;
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
      if (entries.isEmpty()) {
        new dev.phoenix.history.TimeTravel(git).head(env); // throws "unknown environment" with the known ones
      }
      Warnings.uncommitted(git, env, spec.commandLine().getErr());
      Warnings.futureDated(git, entries.stream().map(HistoryEntry::commit).toList(), spec.commandLine().getErr());
      if (repo.json()) {
        List<Object> list = new ArrayList<>();
        for (HistoryEntry e : entries) {
          Map<String, Object> m = Views.commit(e.commit());
          m.put("changes", Views.changes(e.changes()));
          list.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", env);
        json.put("entries", list);
        out.println(Json.write(json));
      } else {
        for (HistoryEntry e : entries) {
          out.println(e.commit().shortId() + "  " + e.commit().committedAt() + "  " + e.commit().author()
              + "  " + e.commit().subject());
          for (Change c : e.changes()) {
            out.println("    " + c.render());
          }
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
