package dev.phoenix.cli;

import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.overview.Overview;
import dev.phoenix.overview.OverviewRequest;
import dev.phoenix.page.HtmlPage;
import dev.phoenix.report.Json;
import dev.phoenix.verify.VerifyWindow;
import dev.phoenix.verify.report.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the restorability page: one self-contained HTML file (no network, inline SVG and CSS) with "
        + "per environment a timeline of the window (restorable green, at risk amber, not restorable red, each band "
        + "linked to its causes), the drill history with its recovery-time trend, and the last drift runs. "
        + "Verifies exactly as phoenix verify does; the window is the last 90 days unless --since or --from says. "
        + "See docs/report.md."},
    footer = {"", "Exit codes: as verify: 0 restorable at every point, 1 something MISSING or CORRUPT or an invalid "
        + "lockfile in the window, 2 usage, 3 something could not be checked, or the page could not be written."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;

  @Mixin VerifyOptions check;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write (atomically).")
  Path out;

  @Option(names = "--drills", paramLabel = "DIR", description = "Drill record directory. Default: <repo>/drills.")
  Path drills;

  @Option(names = "--drift", paramLabel = "FILE",
      description = "JSON of a phoenix drift run (--output json) to show (repeatable, e.g. one per environment).")
  List<Path> drift = new ArrayList<>();

  @Override
  public Integer call() {
    check.check();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicFiles.refusal(out).ifPresent(r -> {
      throw PhoenixException.input("--out " + out + " cannot be written: " + r,
          "give a regular file (or a pipe or character device such as /dev/stdout)");
    });
    try (GitRepository git = repo.open();
        Stores stores = Stores.open(StoreSettings.of(AwsConfig.defaults(), check.concurrency, check.insecureHosts()))) {
      VerifyWindow w = check.window(git, Instant.now(), "90d");
      Path dir = drills != null ? drills : dev.phoenix.core.UnderRoot.resolve(git.workTree(), "drills");
      OverviewRequest request = new OverviewRequest(check.request(w), dir, drift);
      Overview.Result result = new Overview(Verifiers.of(git, stores, check, ProgressPrinter.forTerminal(err),
          Clock.systemUTC(), false), Clock.systemUTC()).build(request); // exactly as phoenix verify checks
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
