package dev.phoenix.cli;

import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.promote.PromoteRun;
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
    Path root = WriteOptions.root(repo);
    WriteResult r = PromoteRun.run(root, from, to, only, write.writer(root),
        policy -> write.afterWrite(root, "promote", List.of("From: " + from, "Policy: " + policy.file())),
        warning -> spec.commandLine().getErr().println("warning: " + warning), Instant.now());
    spec.commandLine().getOut().print(WriteOutput.render(r, write.committed, repo.json()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
