package dev.phoenix.cli;

import dev.phoenix.core.Concurrency;
import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.verify.VerifyRequest;
import dev.phoenix.verify.VerifyWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options {@code verify} and {@code report} share, spelt and checked once: which environments,
 * the window, and how the references are checked ({@code report} verifies exactly as {@code verify}).
 */
final class VerifyOptions {
  @Option(names = "--env", paramLabel = "ENV", description = "An environment (repeatable).")
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

  /** Every usage error of these options, before anything is opened. */
  void check() {
    EnvNames.check("--env", envs);
    if (allEnvs == !envs.isEmpty()) {
      throw PhoenixException.input(allEnvs ? "--env and --all-envs exclude each other" : "no environment given",
          "name environments with --env ENV (repeatable), or use --all-envs");
    }
    if (since != null && (from != null || to != null) || to != null && from == null) {
      throw PhoenixException.input("give either --since AGE or --from WHEN [--to WHEN]",
          "e.g. --since 90d, or --from 2026-09-01 --to 2026-10-01");
    }
    Concurrency.check("--concurrency", concurrency);
    Durations.option(deadline, "--deadline", Durations.DEADLINE);
    if (since != null) {
      Durations.option(since, "--since", Durations.WINDOW);
    }
  }

  /**
   * The window asked for at {@code now}: {@code --since}, {@code --from/--to}, else the window of
   * {@code defaultSince} (null: HEAD only).
   */
  VerifyWindow window(GitRepository git, Instant now, String defaultSince) {
    if (from != null) {
      return VerifyWindow.fromTo(from, to, git, now);
    }
    String age = since != null ? since : defaultSince;
    return age == null ? VerifyWindow.head()
        : VerifyWindow.since(Durations.option(age, "--since", Durations.WINDOW), now, age);
  }

  VerifyRequest request(VerifyWindow w) {
    return new VerifyRequest(List.copyOf(new LinkedHashSet<>(envs)), allEnvs, w, deep, concurrency,
        Durations.option(deadline, "--deadline", Durations.DEADLINE), insecureHosts(), strict);
  }

  Set<String> insecureHosts() {
    return new LinkedHashSet<>(insecure);
  }
}
