package dev.phoenix.cli;

import dev.phoenix.core.Concurrency;
import dev.phoenix.core.Durations;
import dev.phoenix.git.GitRepository;
import dev.phoenix.protect.Keepers;
import dev.phoenix.protect.ProtectRequest;
import dev.phoenix.protect.ProtectResult;
import dev.phoenix.protect.Protection;
import dev.phoenix.protect.report.ProtectReport;
import dev.phoenix.stores.Stores;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "protect", mixinStandardHelpOptions = true,
    description = "Mark every artefact and config version any revision in the window pins so its store keeps it "
        + "(registry tag, S3 object tag + legal hold, SSM label, Secrets Manager staging label). Dry run unless --yes.")
final class ProtectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin StoreOptions stores;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "90d",
      description = "Window: revisions in force at some moment of the last DURATION (the one live at its start and every one since). Default: ${DEFAULT-VALUE}.")
  String since;

  @Option(names = "--prune", description = "Also remove this environment's marks from versions no revision in the window pins.")
  boolean prune;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Mark the copies in this mirror region (regions.yaml and the newest mirrors.ledger) instead of "
          + "the references as pinned, through that region's stores. See docs/regions.md.")
  String region;

  @Option(names = "--yes", description = "Apply the changes (default: list them only).")
  boolean yes;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Store calls in flight at once, 1 to " + Concurrency.MAX + "; changes to one parameter, secret or object always go in order. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    Concurrency.check("--concurrency", concurrency);
    Duration window = Durations.option(since, "--since", Durations.ANY);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProtectResult result;
    try (GitRepository git = repo.open(); Stores live = Stores.open(stores.settings())) {
      dev.phoenix.check.MirrorCopies copies = region == null ? null
          : dev.phoenix.lockfile.MirrorSetup.read(git.workTree(), env).copies(region);
      Stores where = region == null ? live : live.region(region);
      result = Protection.run(git, Keepers.of(where.keepers()), live.backupListings(),
          new ProtectRequest(env, window, prune, yes, concurrency), copies,
          (stage, total) -> new CountProgress(err, "protect: %d/%d " + stage, total), java.time.Instant.now());
    }
    out.print(repo.json() ? ProtectReport.json(result) : ProtectReport.text(result));
    out.flush();
    return result.failed() ? ExitCodes.UNAVAILABLE : ExitCodes.OK;
  }
}
