package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.Docker;
import dev.phoenix.rebuild.local.LocalTarget;
import dev.phoenix.rebuild.local.Teardown;
import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.rebuild.aws.AwsTeardown;
import dev.phoenix.rebuild.aws.ConfigServices;
import dev.phoenix.stores.Stores;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = {"Remove what rebuilds created for an environment, and nothing else.",
        "--target local: containers, volumes and the network labelled phoenix.env=ENV on the Docker daemon "
            + "(DOCKER_HOST; docs/local-drills.md).",
        "--target aws: destroys the state of the rebuild under --out (refused unless Phoenix wrote it for ENV) "
            + "and deletes its materialized SSM copies (docs/rebuild.md#teardown)."},
    footer = {"", "Exit codes: 0 removed (or nothing to remove), 1 the engine failed to destroy, 2 usage error,",
        "            3 Docker daemon or engine unreachable or not answering in time, or a rebuild of ENV holds the lock."})
final class TeardownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "local or aws.")
  String target;
  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text") OutputFormat output;
  @Option(names = "--docker-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "local: how long each Docker daemon call may take before teardown fails (exit 3). Default: ${DEFAULT-VALUE}.")
  long dockerTimeout;
  @Option(names = "--repo", paramLabel = "PATH", description = "aws: the repository (for targets.yaml). Default: around the current directory.")
  Path repo;
  @Option(names = "--out", defaultValue = ".phoenix", description = "aws: the --out directory of the rebuild. Default: ${DEFAULT-VALUE}.")
  Path out;
  @Option(names = "--yes", description = "aws: do not ask before destroying.") boolean yes;
  @Option(names = "--region", description = "aws: target region (overrides targets.yaml).") String region;
  @Option(names = "--target-option", paramLabel = "KEY=VALUE", description = "aws: any target option, as for rebuild.")
  Map<String, String> options;
  @Option(names = "--aws-endpoint", paramLabel = "URL", description = "aws: AWS endpoint override (a local emulator).")
  URI awsEndpoint;
  @Option(names = "--provider-mirror", paramLabel = "DIR", description = "aws: provider filesystem mirror, as for rebuild.")
  String providerMirror;
  @Option(names = "--engine", description = "aws: tofu, terraform, or a path to the binary.") String engine;
  @Option(names = "--engine-timeout", defaultValue = "60", description = "aws: minutes each engine command may take.")
  long engineMinutes;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ("aws".equals(target)) {
      return aws(out);
    }
    if (!LocalTarget.NAME.equals(target)) {
      throw PhoenixException.input("teardown supports --target local or aws, not '" + target + "'", null);
    }
    if (dockerTimeout < 1 || dockerTimeout > 3600) {
      throw PhoenixException.input("--docker-timeout must be 1..3600 seconds, was " + dockerTimeout,
          "give a whole number of seconds");
    }
    Teardown.Result r;
    try (Docker docker = Docker.connect(java.time.Duration.ofSeconds(dockerTimeout))) {
      r = Teardown.locked(docker, env, line -> {
        err.println(line);
        err.flush();
      });
    }
    out.print(TeardownOutput.local(r, target, output == OutputFormat.json));
    out.flush();
    return ExitCodes.OK;
  }

  private int aws(PrintWriter out) {
    PrintWriter err = spec.commandLine().getErr();
    Path workTree;
    try (GitRepository git = GitRepository.open(repo == null ? Path.of("").toAbsolutePath() : repo)) {
      workTree = git.workTree();
    }
    Map<String, String> flags = new LinkedHashMap<>(options == null ? Map.of() : options);
    if (region != null) {
      flags.put("region", region);
    }
    if (awsEndpoint != null) {
      flags.put("endpoint", awsEndpoint.toString());
    }
    if (providerMirror != null) {
      flags.put("providerMirror", providerMirror);
    }
    AwsTeardown.Result r;
    TargetSettings settings = TargetsFile.read(workTree, env, "aws").withFlags(flags);
    try (Stores stores = Stores.open(StoreOptions.forTarget(settings, Set.of()))) {
      AwsTeardown teardown = new AwsTeardown(new TerraformDeployer(),
          ConfigServices.of(region -> stores.region(region).ssm(), region -> stores.region(region).secrets()),
          region -> stores.region(region).dynamodb());
      r = teardown.run(new AwsTeardown.Request(env, workTree, this.out.toAbsolutePath().normalize(), flags, engine,
          Duration.ofMinutes(engineMinutes)), confirm(), new StderrProgress(err));
    }
    out.print(TeardownOutput.aws(r, target, output == OutputFormat.json));
    out.flush();
    return ExitCodes.OK;
  }

  private Confirm confirm() {
    return TerminalConfirm.of(yes, "teardown --target aws", "destroy", spec.commandLine().getErr());
  }

}
