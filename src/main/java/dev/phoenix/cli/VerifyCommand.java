package dev.phoenix.cli;

import dev.phoenix.core.Concurrency;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.core.Durations;
import dev.phoenix.verify.VerifyRequest;
import dev.phoenix.verify.VerifyResult;
import dev.phoenix.verify.Verifier;
import dev.phoenix.verify.VerifyWindow;
import dev.phoenix.verify.report.ExitCode;
import dev.phoenix.verify.report.JsonReport;
import dev.phoenix.verify.report.ReportFormat;
import dev.phoenix.verify.report.TextReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.protect.KeeperProbe;
import dev.phoenix.protect.Keepers;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Prove that every point in the recovery window is still restorable: check each unique reference of "
        + "every lockfile revision in the window once, and say when each environment was restorable. "
        + "Default: HEAD only. See docs/verify.md."},
    footer = {"", "Exit codes: 0 all OK (AT_RISK warns unless --strict), 1 something MISSING or CORRUPT or an "
        + "invalid lockfile in the window, 2 usage, 3 nothing missing but something UNKNOWN, or a report "
        + "could not be written (after the summary)."})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", paramLabel = "ENV", description = "An environment to verify (repeatable).")
  List<String> envs = new ArrayList<>();

  @Option(names = "--all-envs", description = "Every environment with a lockfile at HEAD.")
  boolean allEnvs;

  @Option(names = "--since", paramLabel = "AGE", description = "Window ending now: 90d, 36h, 4w.")
  String since;

  @Option(names = "--from", paramLabel = "WHEN",
      description = "Window start: date (start of that day, UTC), date-time, commit id or HEAD~n.")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", description = "Window end (as show --at). Default: now.")
  String to;

  @Option(names = "--deep", description = "Fetch and hash content (image blobs, S3 objects), not only existence.")
  boolean deep;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
      description = "Requests in flight per store, 1 to " + Concurrency.MAX + ". Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "30m",
      description = "Time for the whole run (10m, 90s, 1h); what is not checked by then is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
      description = "Speak plain HTTP to this registry (repeatable; loopback registries always may).")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--check-protection",
      description = "Also report references that exist but carry no phoenix protect mark for the environment as AT_RISK.")
  boolean checkProtection;

  @Option(names = "--strict", description = "AT_RISK references fail the run (exit 1) instead of warning.")
  boolean strict;

  @Option(names = "--report", paramLabel = "FORMAT:FILE",
      description = "Also write a report (repeatable): json:FILE, junit:FILE, markdown:FILE or html:FILE (the restorability "
          + "page, docs/report.md). A regular file is "
          + "replaced atomically; a pipe or device (/dev/stdout) is written through; one file per report.")
  List<String> reports = new ArrayList<>();

  private VerifyRequest requestFor(VerifyWindow w) {
    return new VerifyRequest(List.copyOf(new LinkedHashSet<>(envs)), allEnvs, w, deep, concurrency,
        Durations.option(deadline, "--deadline", Durations.DEADLINE), new LinkedHashSet<>(insecure), strict);
  }

  @Override
  public Integer call() {
    EnvNames.check("--env", envs);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ReportFormat.Target> targets = ReportFormat.targets(reports);
    if (allEnvs == !envs.isEmpty()) {
      throw PhoenixException.input(allEnvs ? "--env and --all-envs exclude each other" : "no environment given",
          "name environments with --env ENV (repeatable), or use --all-envs");
    }
    if (since != null && (from != null || to != null) || to != null && from == null) {
      throw PhoenixException.input("give either --since AGE or --from WHEN [--to WHEN]",
          "e.g. --since 90d, or --from 2026-09-01 --to 2026-10-01");
    }
    Concurrency.check("--concurrency", concurrency);
    Durations.option(deadline, "--deadline", Durations.DEADLINE); // a usage error before anything is opened
    Duration window = since == null ? null : Durations.option(since, "--since", Durations.WINDOW);
    try (GitRepository git = repo.open();
        Stores stores = Stores.open(StoreSettings.of(AwsConfig.defaults(), concurrency, new LinkedHashSet<>(insecure)))) {
      Instant now = Instant.now();
      VerifyWindow w = since != null ? VerifyWindow.since(window, now, since)
          : from != null ? VerifyWindow.fromTo(from, to, git, now) : VerifyWindow.head();
      VerifyRequest request = requestFor(w);
      VerifyResult result;
      if (checkProtection) {
        result = new Verifier(git, stores.checkers(), ProgressPrinter.forTerminal(err), Clock.systemUTC(),
            new KeeperProbe(Keepers.of(stores.keepers())), stores.backups()).verify(request); // the same clients
      } else {
        result = new Verifier(git, stores.checkers(), ProgressPrinter.forTerminal(err), Clock.systemUTC(),
            dev.phoenix.verify.ProtectionProbe.NONE, stores.backups()).verify(request);
      }
      out.print(repo.json() ? JsonReport.render(result) : TextReport.render(result));
      out.flush();
      int failed = 0;
      for (ReportFormat.Target t : targets) {
        String format = t.format().name().toLowerCase(java.util.Locale.ROOT);
        try {
          t.write(result);
          err.println("verify: wrote " + format + " report " + t.file());
        } catch (RuntimeException e) {
          failed++;
          err.println("error: " + format + " report not written: " + e.getMessage());
        }
      }
      err.flush();
      int code = ExitCode.of(result.outcome());
      if (failed > 0 && code != ExitCodes.CHECK_FAILED) {
        err.println("  what to do: the verification itself ran (summary above); fix the report path and run again");
        err.flush();
        return ExitCodes.UNAVAILABLE;
      }
      return code;
    }
  }
}
