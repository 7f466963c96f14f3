package dev.phoenix.cli;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.model.Estate;
import dev.phoenix.promote.Policy;
import dev.phoenix.promote.PolicyFiles;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import dev.phoenix.rollback.Rollback;
import dev.phoenix.rollback.RollbackPlan;
import dev.phoenix.rollback.RollbackRequest;
import dev.phoenix.stores.Stores;
import dev.phoenix.verify.VerifyRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Write the artefact pins of the lockfile revision in force at --to into a new revision (history is never "
        + "rewritten), unchanged (digest, version, source, assurance); refused when any of them no longer verifies or "
        + "the environment's policy.yaml would refuse it. Config only with --with-config.")
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin WriteOptions write;
  @Mixin StoreOptions stores;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--to", required = true, paramLabel = "WHEN",
      description = "The moment to roll back to: a date, date-time, commit or HEAD~n.") String to;
  @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Roll back only these artefacts (comma-separated).")
  List<String> only = List.of();
  @Option(names = "--with-config", description = "Roll the config pins back too (a rotated secret's old version may have "
      + "been revoked on purpose).") boolean withConfig;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    Path root = WriteOptions.root(repo);
    Parsed<Estate> now = EstateReader.read(new WorkingTreeFiles(root), env);
    if (now.value() == null || !now.problems().isEmpty()) {
      throw PhoenixException.input("environment " + env + " has no valid lockfile (" + now.problems().size() + " problems)",
          "run phoenix validate --env " + env);
    }
    Policy policy = PolicyFiles.load(root, env);
    Instant at = Instant.now();
    Duration deadline = Duration.ofMinutes(10);
    CheckOptions checks = new CheckOptions(false, VerifyRequest.DEFAULT_CONCURRENCY, at.plus(deadline),
        stores.insecureRegistries(), r -> { });
    RollbackPlan plan;
    try (GitRepository git = GitRepository.open(root); Stores live = Stores.open(stores.settings())) {
      plan = new Rollback(git, live.checkers(), checks)
          .prepare(new RollbackRequest(env, to, only, withConfig, at), now.value().lockfile(), policy);
    }
    List<String> details = new ArrayList<>(plan.commitDetails());
    WriteResult r = write.writer(root).write(env, plan::edits, write.afterWrite(root, "rollback", "to " + plan.revision().shortId(), details));
    PrintWriter out = spec.commandLine().getOut();
    if (repo.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", r.environment());
      m.put("file", r.path());
      Map<String, Object> revision = new LinkedHashMap<>();
      revision.put("commit", plan.revision().id());
      revision.put("from", plan.from().toString());
      revision.put("until", plan.until() == null ? null : plan.until().toString());
      m.put("rolledBackTo", revision);
      m.put("changed", r.changed());
      m.put("changes", Views.changes(r.changes()));
      m.put("configRolledBack", withConfig);
      m.put("notes", plan.notes());
      m.put("commit", write.committed == null ? null : write.committed.id());
      out.println(Json.write(m));
    } else {
      out.println("rolling " + env + " back to " + plan.describe());
      out.print(WriteOutput.render(r, write.committed, false));
      out.flush();
      plan.notes().forEach(n -> out.println("note: " + n));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
