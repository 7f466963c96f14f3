package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.stores.Stores;
import dev.phoenix.pin.LockRequest;
import dev.phoenix.pin.PinRun;
import dev.phoenix.lockwrite.WriteResult;
import java.nio.file.Path;
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

@Command(name = "lock", description = "Pin artefacts and config in an environment's lockfile, resolved once, now: "
    + "a tag becomes its digest, an S3 key its current versionId and sha256, a parameter or secret its current version. "
    + "Every problem is reported at once; nothing is written on any error.")
final class LockCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin WriteOptions write;
  @Mixin StoreOptions stores;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.") boolean help;
  @Option(names = "--env", required = true, paramLabel = "ENV") String env;

  @Option(names = "--image", paramLabel = "NAME=REGISTRY/REPO:TAG", description = "Container image by tag (or @digest).")
  Map<String, String> images = new LinkedHashMap<>();

  @Option(names = "--lambda", paramLabel = "NAME=s3://BUCKET/KEY", description = "Lambda package in a versioned bucket.")
  Map<String, String> lambdas = new LinkedHashMap<>();

  @Option(names = "--ami", paramLabel = "NAME=AMI-ID", description = "Machine image (with --region).")
  Map<String, String> amis = new LinkedHashMap<>();

  @Option(names = "--region", paramLabel = "REGION", description = "Region of the --ami images (default: the locked one).")
  String region;

  @Option(names = "--config", paramLabel = "BLOCK.VAR=ssm:NAME|secret:ID|value:TEXT", description = "Pin a config variable.")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(names = "--version", paramLabel = "[NAME=]VERSION",
      description = "<semver>-<build-number>-<commit>; derived from the tag (or S3 file name) when it has that form.")
  List<String> versions = new ArrayList<>();

  @Option(names = "--source-commit", paramLabel = "[NAME=]COMMIT") List<String> commits = new ArrayList<>();
  @Option(names = "--source-repo", paramLabel = "[NAME=]URL") List<String> repositories = new ArrayList<>();

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    LockRequest request = new LockRequest(env, images, lambdas, amis, region, config,
        byName(versions), byName(commits), byName(repositories));
    if (request.artefactCount() == 0 && config.isEmpty()) {
      throw PhoenixException.input("nothing to lock", "give --image, --lambda, --ami or --config");
    }
    Path root = WriteOptions.root(repo);
    WriteResult r;
    try (Stores live = Stores.open(stores.settings())) {
      r = new PinRun(live.pinning()).run(request, root, write.writer(root), write.afterWrite(root, "lock", List.of()));
    }
    spec.commandLine().getOut().print(WriteOutput.render(r, write.committed, repo.json()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** "name=value" pairs, or one bare value under "". */
  private static Map<String, String> byName(List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      boolean named = eq > 0 && v.substring(0, eq).matches("[a-z0-9][a-z0-9-]*");
      out.put(named ? v.substring(0, eq) : "", named ? v.substring(eq + 1) : v);
    }
    return out;
  }
}
