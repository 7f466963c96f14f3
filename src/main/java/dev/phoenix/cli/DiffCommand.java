package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Change;
import dev.phoenix.history.EstateDiff;
import dev.phoenix.history.Revision;
import dev.phoenix.history.Snapshot;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      TimeTravel travel = new TimeTravel(git);
      Instant now = Instant.now();
      Revision a = against == null ? travel.resolveReadable(env, from, now) : travel.resolveReadable(against, to, now);
      Revision b = travel.resolveReadable(env, to, now);
      Snapshot before = Snapshot.of(a);
      Snapshot after = Snapshot.of(b);
      List<Change> changes = EstateDiff.between(before.estate().value(), after.estate().value());
      invalid(a, before, spec.commandLine().getErr());
      invalid(b, after, spec.commandLine().getErr());
      Warnings.uncommitted(git, env, spec.commandLine().getErr());
      Warnings.futureDated(git, List.of(a.commit(), b.commit()), spec.commandLine().getErr());
      if (repo.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", side(a));
        json.put("to", side(b));
        json.put("changes", Views.changes(changes));
        out.println(Json.write(json));
      } else {
        out.println("--- " + a.environment() + " at " + a.commit().shortId() + " (" + a.commit().committedAt() + ")");
        out.println("+++ " + b.environment() + " at " + b.commit().shortId() + " (" + b.commit().committedAt() + ")");
        if (changes.isEmpty()) {
          out.println("no differences");
        }
        changes.forEach(c -> out.println(c.render()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** An invalid side is compared as far as it could be read, and said to be invalid. */
  private static void invalid(Revision r, Snapshot s, java.io.PrintWriter err) {
    int n = s.estate().problems().size();
    if (n > 0) {
      err.println("warning: " + r.environment() + " at " + r.commit().shortId() + " is INVALID (" + n
          + (n == 1 ? " problem" : " problems") + "; phoenix show --env " + r.environment() + " --at " + r.commit().shortId()
          + " lists them): compared as far as it could be read");
    }
  }

  private static Map<String, Object> side(Revision r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", r.environment());
    m.put("commit", r.commit().id());
    m.put("committedAt", r.commit().committedAt().toString());
    return m;
  }
}
