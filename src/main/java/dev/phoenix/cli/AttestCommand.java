package dev.phoenix.cli;

import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.promote.Attestation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attest", mixinStandardHelpOptions = true,
    description = "Append an assurance record (step, result, evidence, at = now UTC) to a locked artefact. "
        + "Refused unless --digest is exactly what the lockfile pins, so evidence never attaches to other bytes.")
final class AttestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin WriteOptions write;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--artefact", required = true, paramLabel = "NAME") String artefact;

  @Option(names = "--digest", required = true, paramLabel = "DIGEST",
      description = "The bytes the evidence is about: sha256:<64 hex> (image digest, or the Lambda package's sha256), or the AMI id.")
  String digest;

  @Option(names = "--step", required = true, paramLabel = "STEP", description = "e.g. unit-tests, integration-tests, security-scan.")
  String step;

  @Option(names = "--result", required = true, paramLabel = "passed|failed|skipped") String result;

  @Option(names = "--evidence", paramLabel = "URL", description = "Link to the CI run or report.") String evidence;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    Path root = WriteOptions.root(repo);
    Instant now = Instant.now();
    WriteResult r = write.writer(root).write(env,
        lock -> List.of(Attestation.plan(env, lock, artefact, digest, step, result, evidence, now)),
        write.afterWrite(root, "attest", List.of("Artefact: " + artefact, "Digest: " + digest,
            "Step: " + step + " " + result, "Evidence: " + (evidence == null ? "-" : evidence))));
    spec.commandLine().getOut().print(WriteOutput.render(r, write.committed, repo.json()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
