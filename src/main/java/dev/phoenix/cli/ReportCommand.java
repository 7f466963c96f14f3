package dev.phoenix.cli;

import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.overview.Overview;
import dev.phoenix.overview.OverviewRequest;
import dev.phoenix.page.HtmlPage;
import dev.phoenix.protect.KeeperProbe;
import dev.phoenix.protect.Keepers;
import dev.phoenix.report.Json;
import dev.phoenix.verify.ProtectionProbe;
import dev.phoenix.verify.VerifyRequest;
import dev.phoenix.verify.VerifyWindow;
import dev.phoenix.verify.report.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the restorability page: one self-contained HTML file (no network, inline SVG and CSS) with "
        + "per environment a timeline of the window (restorable green, at risk amber, not restorable red, each band "
        + "linked to its causes), the drill history with its recovery-time trend, and the last drift runs. "
        + "Verifies exactly as phoenix verify does. See docs/report.md."},
    footer = {"", "Exit codes: as verify: 0 restorable at every point, 1 something MISSING or CORRUPT or an invalid "
        + "lockfile in the window, 2 usage, 3 something could not be checked, or the page could not be written."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Option(names = "--env", paramLabel = "ENV", description = "An environment to show (repeatable).")
  List<String> envs = new ArrayList<>();

  @Option(names = "--all-envs", description = "Every environment with a lockfile at HEAD.")
  boolean allEnvs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write (atomically).")
  Path out;

  @Option(names = "--since", paramLabel = "AGE", description = "Window ending now: 90d, 36h, 4w. Default: 90d.")
  String since;

  @Option(names = "--from", paramLabel = "WHEN", description = "Window start (as verify --from).")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", description = "Window end (as verify --to). Default: now.")
  String to;

  @Option(names = "--drills", paramLabel = "DIR", description = "Drill record directory. Default: <repo>/drills.")
  Path drills;

  @Option(names = "--drift", paramLabel = "FILE",
      description = "JSON of a phoenix drift run (--output json) to show (repeatable, e.g. one per environment).")
  List<Path> drift = new ArrayList<>();

  @Option(names = "--deep", description = "Fetch and hash content, as verify --deep.")
  boolean deep;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
      description = "Requests in flight per store. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "30m",
      description = "Time for the checks; what is not checked by then is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
      description = "Speak plain HTTP to this registry (repeatable; loopback registries always may).")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--check-protection",
      description = "References without a phoenix protect mark for the environment are AT_RISK (amber).")
  boolean checkProtection;

  @Option(names = "--strict", description = "AT_RISK references fail the run (exit 1), as verify --strict.")
  boolean strict;

  private VerifyRequest requestFor(VerifyWindow w) {
    return new VerifyRequest(List.copyOf(new LinkedHashSet<>(envs)), allEnvs, w, deep, concurrency,
        Durations.option(deadline, "--deadline", Durations.DEADLINE), new LinkedHashSet<>(insecure), strict);
  }

  @Override
  public Integer call() {
    EnvNames.check("--env", envs);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (allEnvs == !envs.isEmpty()) {
      throw PhoenixException.input(allEnvs ? "--env and --all-envs exclude each other" : "no environment given",
          "name environments with --env ENV (repeatable), or use --all-envs");
    }
    if (since != null && (from != null || to != null) || to != null && from == null) {
      throw PhoenixException.input("give either --since AGE or --from WHEN [--to WHEN]",
          "e.g. --since 90d, or --from 2026-09-01 --to 2026-10-01");
    }
    dev.phoenix.core.Concurrency.check("--concurrency", concurrency);
    AtomicFiles.refusal(out).ifPresent(r -> {
      throw PhoenixException.input("--out " + out + " cannot be written: " + r,
          "give a regular file (or a pipe or character device such as /dev/stdout)");
    });
    Durations.option(deadline, "--deadline", Durations.DEADLINE);
    Duration window = from != null ? null : Durations.option(since == null ? "90d" : since, "--since", Durations.WINDOW);
    try (GitRepository git = repo.open(); Stores stores = Stores.open(StoreSettings.of(AwsConfig.defaults(), concurrency, new LinkedHashSet<>(insecure)))) {
      Instant now = Instant.now();
      VerifyWindow w = window != null ? VerifyWindow.since(window, now, since == null ? "90d" : since)
          : VerifyWindow.fromTo(from, to, git, now);
      Path dir = drills != null ? drills : dev.phoenix.core.UnderRoot.resolve(git.workTree(), "drills");
      OverviewRequest request = new OverviewRequest(requestFor(w), dir, drift);
      Overview.Result result;
      if (checkProtection) {
        result = new Overview(git, stores.checkers(), new KeeperProbe(Keepers.of(stores.keepers())),
            ProgressPrinter.forTerminal(err), Clock.systemUTC()).build(request); // the same clients as the checks
      } else {
        result = new Overview(git, stores.checkers(), ProtectionProbe.NONE, ProgressPrinter.forTerminal(err),
            Clock.systemUTC()).build(request);
      }
      result.verify().environments().forEach(e -> err.println(e.summary()));
      int code = ExitCode.of(result.verify().outcome());
      try {
        AtomicFiles.write(out, HtmlPage.render(result.page()));
      } catch (RuntimeException e) {
        err.println("error: the page was not written: " + e.getMessage());
        err.println("  what to do: the verification itself ran (summary above); fix --out and run again");
        err.flush();
        return code == ExitCodes.CHECK_FAILED ? code : ExitCodes.UNAVAILABLE;
      }
      if (repo.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", out.toString());
        m.put("outcome", result.verify().outcome().name());
        m.put("exitCode", code);
        m.put("summaries", result.verify().environments().stream().map(e -> e.summary()).toList());
        stdout.println(Json.write(m));
      } else {
        stdout.println(out);
      }
      stdout.flush();
      err.flush();
      return code;
    }
  }
}
