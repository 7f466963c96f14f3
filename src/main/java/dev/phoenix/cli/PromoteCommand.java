package dev.phoenix.cli;

import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.model.Estate;
import dev.phoenix.promote.PolicyFiles;
import dev.phoenix.promote.Policy;
import dev.phoenix.promote.Promotion;
import dev.phoenix.core.PhoenixException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Copy artefact entries (digest, version, source, assurance) unchanged from one environment's lockfile "
        + "to another's, refused when the target's policy.yaml is not met. Never re-resolves a tag; config is not copied.")
final class PromoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin WriteOptions write;

  @Option(names = "--from", required = true, paramLabel = "ENV") String from;
  @Option(names = "--to", required = true, paramLabel = "ENV") String to;

  @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Promote only these artefacts (comma-separated).")
  List<String> only = List.of();

  @Override
  public Integer call() {
    EnvNames.check("--from", from);
    EnvNames.check("--to", to);
    if (from.equals(to)) {
      throw PhoenixException.input("--from and --to are both " + from, "promote between two environments");
    }
    Path root = WriteOptions.root(repo);
    Parsed<Estate> source = EstateReader.read(new WorkingTreeFiles(root), from);
    if (source.value() == null || !source.problems().isEmpty()) {
      throw PhoenixException.input("environment " + from + " has no valid lockfile (" + source.problems().size() + " problems)",
          "run phoenix validate --env " + from);
    }
    Policy policy = PolicyFiles.load(root, to);
    if (policy.require().isEmpty()) {
      spec.commandLine().getErr().println("warning: " + policy.file() + " requires nothing: every artefact may be promoted");
    }
    Instant now = Instant.now();
    WriteResult r = write.writer(root).write(to,
        target -> Promotion.plan(from, source.value().lockfile(), target, only, policy, now),
        write.afterWrite(root, "promote", List.of("From: " + from, "Policy: " + policy.file())));
    write.print(spec.commandLine().getOut(), repo.json(), r);
    return ExitCodes.OK;
  }
}
