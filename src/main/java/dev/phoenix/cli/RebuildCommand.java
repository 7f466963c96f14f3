package dev.phoenix.cli;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.RebuildPipeline;
import dev.phoenix.rebuild.RebuildRequest;
import dev.phoenix.rebuild.RebuildResult;
import dev.phoenix.rebuild.Target;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.verify.VerifyRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = "Recreate an environment as it was at a moment, from exactly the artefacts it ran then (docs/rebuild.md).",
    footer = {"", "Exit codes: 0 planned/succeeded, 1 preflight found missing/corrupt references or the rebuild failed,",
        "            2 usage/input error (invalid revision, target options, no terminal to confirm),",
        "            3 could not run: references UNKNOWN (without --allow-unknown), engine or providers unavailable, lock held."})
final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--at", defaultValue = "HEAD", paramLabel = "WHEN",
      description = "ISO date/date-time (a date = end of that day, UTC), commit id or HEAD~n. Default: HEAD.") String at;
  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "aws (or another registered target).")
  String target;
  @Option(names = "--region", description = "Target region (overrides targets.yaml). When environments/<env>/regions.yaml "
      + "names it as a mirror, every reference is resolved to its copy there through the newest mirrors.ledger and only "
      + "that region is asked (docs/regions.md).") String region;
  /** The mirror region whose copies the rebuild uses, or null. */
  private String mirrorRegion;
  @Option(names = "--account", description = "Target AWS account id, 12 digits.") String account;
  @Option(names = "--name-prefix", description = "Prefix of every resource name (default: the environment).") String namePrefix;
  @Option(names = "--target-option", paramLabel = "KEY=VALUE",
      description = "Any target option in targets.yaml's dotted form, e.g. state.backend=s3.") Map<String, String> options;
  @Option(names = "--aws-endpoint", paramLabel = "URL", description = "AWS endpoint override (a local emulator).") URI awsEndpoint;
  @Option(names = "--offline", description = "Do not contact SSM/Secrets Manager when synthesizing (plan only; ARNs built from account/region).")
  boolean offline;
  @Option(names = "--out", defaultValue = ".phoenix", description = "Working directory for synthesis, plans, local state and the aws target's lock (the local target's lock lives on the Docker daemon). Default: ${DEFAULT-VALUE}.")
  Path out;
  @Option(names = "--drills", description = "Drill record directory. Default: <repo>/drills.") Path drills;
  @Option(names = "--apply", description = "Apply the saved plans (asks on the terminal unless --yes).") boolean apply;
  @Option(names = "--yes", description = "Do not ask before applying.") boolean yes;
  @Option(names = "--saved-plan", description = "With --apply: apply the plans saved by an earlier plan-only run.") boolean savedPlan;
  @Option(names = "--allow-unknown", description = "Go on when preflight could not check some references.") boolean allowUnknown;
  @Option(names = "--deep", description = "Preflight fetches and hashes content, not just existence.") boolean deep;
  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
      description = "A registry reached over plain HTTP (loopback test registries); repeatable.")
  java.util.List<String> insecure = new java.util.ArrayList<>();
  @Option(names = "--engine", description = "tofu, terraform, or a path to the binary.") String engine;
  @Option(names = "--provider-mirror", paramLabel = "DIR",
      description = "Install engine providers from this filesystem mirror only (else PHOENIX_PROVIDER_MIRROR, "
          + "else targets.yaml providerMirror), e.g. /opt/tf-plugins.") String providerMirror;
  @Option(names = "--engine-timeout", defaultValue = "60", description = "Minutes each engine command may take.") long engineMinutes;
  @Option(names = "--force-unlock", description = "Remove the rebuild lock of --env/--target (a lock file, or for local the lock container on the Docker daemon) whoever holds it, and exit.") boolean forceUnlock;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String targetName = RebuildTargets.name(target);
    if (forceUnlock) {
      TargetSettings commandLine = TargetSettings.empty("command line").withFlags(flags());
      try (Stores stores = Stores.open(storeSettings(commandLine))) {
        out.println(RebuildTargets.of(targetName, stores).forceUnlock(env, out(), commandLine));
      }
      return ExitCodes.OK;
    }
    if (savedPlan && !apply) {
      throw PhoenixException.input("--saved-plan applies saved plans: it needs --apply", "add --apply");
    }
    Confirm confirm = confirm(err);
    try (GitRepository git = repo.open()) {
      Path root = git.workTree();
      Warnings.uncommitted(git, env, err);
      Warnings.futureDated(git, java.util.List.of(), err);
      mirrorRegion = mirrorRegion(root);
      Duration deadline = Duration.ofMinutes(10);
      CheckOptions checks = new CheckOptions(deep, VerifyRequest.DEFAULT_CONCURRENCY, Instant.now().plus(deadline),
          Set.copyOf(insecure), r -> { });
      RebuildRequest request = new RebuildRequest(env, at, Instant.now(), root, out(),
          drills != null ? drills : dev.phoenix.core.UnderRoot.resolve(root, "drills"), flags(), apply, savedPlan, allowUnknown, engine,
          Duration.ofMinutes(engineMinutes), checks, mirrorRegion);
      var settings = TargetsFile.read(root, env, targetName).withFlags(flags());
      RebuildResult result;
      try (Stores stores = Stores.open(storeSettings(settings))) {
        Target chosen = RebuildTargets.of(targetName, stores);
        result = new RebuildPipeline(git, chosen, stores.checkers(), new StderrProgress(err), confirm).run(request);
      }
      RebuildOutput.print(out, result, repo.json());
      return result.failureKind() == null ? ExitCodes.OK : switch (result.failureKind()) {
        case INPUT -> ExitCodes.USAGE;
        case CHECK_FAILED -> ExitCodes.CHECK_FAILED;
        case UNAVAILABLE -> ExitCodes.UNAVAILABLE;
      };
    }
  }

  /** The stores preflight checks and the target reads, where the target's settings say. */
  private StoreSettings storeSettings(TargetSettings settings) {
    return StoreOptions.forTarget(settings, Set.copyOf(insecure));
  }

  private Path out() {
    return out.toAbsolutePath().normalize();
  }

  private Map<String, String> flags() {
    Map<String, String> f = new LinkedHashMap<>(options == null ? Map.of() : options);
    put(f, "region", region);
    put(f, "configRegion", mirrorRegion); // config, packages and images of the mirror region only
    put(f, "account", account);
    put(f, "namePrefix", namePrefix);
    put(f, "endpoint", awsEndpoint == null ? null : awsEndpoint.toString());
    put(f, "offline", offline ? "true" : null);
    put(f, "providerMirror", providerMirror);
    return f;
  }

  /**
   * {@code --region} when the environment's regions.yaml names it as a mirror; null as pinned (no
   * --region, no regions file, or the primary); a usage error for a region that is neither.
   */
  private String mirrorRegion(Path root) {
    if (region == null) {
      return null;
    }
    dev.phoenix.lockfile.MirrorSetup setup = dev.phoenix.lockfile.MirrorSetup.read(root, env);
    if (setup.regions() == null) {
      return null;
    }
    return setup.copies(region).isPrimary() ? null : region;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private Confirm confirm(PrintWriter err) {
    return TerminalConfirm.of(!apply || yes, "--apply", "apply", err);
  }

}
