package dev.phoenix.cli;

import dev.phoenix.check.Rates;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.verify.Shard;
import dev.phoenix.verify.ShardMerge;
import dev.phoenix.verify.ShardRun;
import dev.phoenix.verify.report.ShardJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.verify.VerifyRequest;
import dev.phoenix.verify.VerifyResult;
import dev.phoenix.verify.Verifier;
import dev.phoenix.verify.report.ExitCode;
import dev.phoenix.verify.report.JsonReport;
import dev.phoenix.verify.report.ReportFormat;
import dev.phoenix.verify.report.TextReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import dev.phoenix.aws.AwsConfig;
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

  @Mixin VerifyOptions check;

  @Option(names = "--report", paramLabel = "FORMAT:FILE",
      description = "Also write a report (repeatable): json:FILE, junit:FILE, markdown:FILE or html:FILE (the restorability "
          + "page, docs/report.md). A regular file is "
          + "replaced atomically; a pipe or device (/dev/stdout) is written through; one file per report.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--rate", paramLabel = "NAME=N/s",
      description = "At most N requests a second to this registry (host[:port] as references spell it) or AWS service "
          + "(ecr, s3, ssm, secrets, ec2); repeatable. Every lane also slows down when its store throttles "
          + "(429, 503 with Retry-After, ThrottlingException) and recovers after. See docs/verify.md.")
  List<String> rates = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Check only shard I of N (0-based) of the unique references (every shard reads the whole history) "
          + "and write a shard report; combine them with --merge. Also from JOB_COMPLETION_INDEX or "
          + "AWS_BATCH_JOB_ARRAY_INDEX with --shards N or PHOENIX_SHARDS. In a shard's --report json:FILE, {shard} "
          + "stands for its index.")
  String shard;

  @Option(names = "--shards", paramLabel = "N",
      description = "How many shards the run has; the index comes from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) "
          + "or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job).")
  Integer shards;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Check the copies in this mirror region (environments/<env>/regions.yaml and the newest "
          + "mirrors.ledger) instead of the references as pinned: a reference without a copy there is MISSING. "
          + "The primary region is not contacted. See docs/regions.md.")
  String region;

  @Option(names = "--aws-endpoint", paramLabel = "URL", hidden = true,
      description = "Send every AWS call to this endpoint (emulators, VPC endpoints).")
  java.net.URI awsEndpoint;

  @Option(names = "--merge", paramLabel = "FILE", arity = "1..*",
      description = "Combine the shards' JSON reports into the report (and exit code) of one unsharded run.")
  List<String> merge = new ArrayList<>();

  @Override
  public Integer call() {
    if (!merge.isEmpty()) {
      return merged();
    }
    check.check();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ReportFormat.Destination> targets = ReportFormat.targets(reports);
    Rates paces = Rates.parse("--rate", rates);
    Optional<Shard> part = Shard.resolve(shard, shards, System.getenv());
    if (part.isPresent()) {
      List<String> others = targets.stream().filter(t -> t.format() != ReportFormat.JSON)
          .map(t -> t.format().name().toLowerCase(java.util.Locale.ROOT) + ":" + t.file()).toList();
      if (!others.isEmpty()) {
        throw PhoenixException.input("a shard writes only its JSON report, not " + String.join(", ", others),
            "write --report json:FILE from each shard and the other reports from phoenix verify --merge");
      }
    }
    if (region != null) {
      if (!region.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]")) {
        throw PhoenixException.input("--region '" + region + "' is not an AWS region", "e.g. --region eu-central-1");
      }
      if (part.isPresent() || check.checkProtection) {
        throw PhoenixException.input("--region checks one region's copies whole; it takes neither --shard nor "
            + "--check-protection", "run phoenix verify --region " + region + " without them");
      }
    }
    AwsConfig aws = awsEndpoint == null ? AwsConfig.defaults() : AwsConfig.defaults().withEndpoint(awsEndpoint);
    StoreSettings settings = StoreSettings.of(aws, check.concurrency, check.insecureHosts())
        .withRates(paces);
    try (GitRepository git = repo.open(); Stores stores = Stores.open(settings)) {
      // the shards of one run anchor "now" at the start of the hour, so that shards started minutes
      // apart read the same window (docs/verify.md, "Beyond one machine")
      Instant now = part.isPresent() ? Instant.now().truncatedTo(ChronoUnit.HOURS) : Instant.now();
      Clock clock = part.isPresent() ? Clock.fixed(now, ZoneOffset.UTC) : Clock.systemUTC();
      VerifyRequest request = check.request(check.window(git, now, null));
      if (region != null) {
        return finish(new dev.phoenix.verify.RegionVerify(git, r -> stores.region(r).checkers(),
            r -> stores.region(r).backups(), ProgressPrinter.forTerminal(err), clock).verify(request, region), targets, out, err);
      }
      Verifier verifier = Verifiers.of(git, stores, check, ProgressPrinter.forTerminal(err), clock, part.isPresent());
      if (part.isPresent()) {
        String head = git.head().map(c -> c.id()).orElse("");
        ShardRun run = verifier.verifyShard(request, part.get(), head);
        out.print(repo.json() ? ShardJson.render(run) : ShardJson.summary(run));
        out.flush();
        List<ReportFormat.Destination> named = targets.stream().map(t -> new ReportFormat.Destination(t.format(),
            Path.of(t.file().toString().replace("{shard}", String.valueOf(run.shard().index()))))).toList();
        int failed = write(named, "shard json", t -> AtomicFiles.write(t.file(), ShardJson.render(run)), err);
        return failed > 0 ? ExitCodes.UNAVAILABLE : ExitCodes.OK;
      }
      return finish(verifier.verify(request), targets, out, err);
    }
  }

  /** --merge: the shards' reports into the one run's report and exit code. */
  private int merged() {
    if (!check.envs.isEmpty() || check.allEnvs || check.since != null || check.from != null || check.to != null
        || shard != null || shards != null || check.deep || check.strict || check.checkProtection || !rates.isEmpty()
        || region != null) {
      throw PhoenixException.input("--merge takes the run's environments, window and options from the shards' reports",
          "give only --merge FILE… (with --report, --output and --repo)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ReportFormat.Destination> targets = ReportFormat.targets(reports);
    List<ShardMerge.Part> parts = new ArrayList<>();
    for (String file : merge) {
      String text;
      try {
        text = Files.readString(Path.of(file));
      } catch (IOException | RuntimeException e) {
        throw PhoenixException.input("cannot read shard report " + file + " (" + e.getClass().getSimpleName() + ")",
            "give the path of a JSON report a shard wrote");
      }
      parts.add(new ShardMerge.Part(file, ShardJson.read(file, text)));
    }
    try (GitRepository git = repo.open()) {
      return finish(ShardMerge.merge(git, parts), targets, out, err);
    }
  }

  private int finish(VerifyResult result, List<ReportFormat.Destination> targets, PrintWriter out, PrintWriter err) {
    if (repo.json()) {
      try {
        JsonReport.write(result, out); // streamed: a year of an estate is over 100 MB
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw: not reached
      }
    } else {
      out.print(TextReport.render(result));
    }
    out.flush();
    int failed = write(targets, null, t -> t.write(result), err);
    int code = ExitCode.of(result.outcome());
    if (failed > 0 && code != ExitCodes.CHECK_FAILED) {
      err.println("  what to do: the verification itself ran (summary above); fix the report path and run again");
      err.flush();
      return ExitCodes.UNAVAILABLE;
    }
    return code;
  }

  /** Writes every report, each failure said on stderr; how many failed. */
  private static int write(List<ReportFormat.Destination> targets, String label, Consumer<ReportFormat.Destination> writer,
      PrintWriter err) {
    int failed = 0;
    for (ReportFormat.Destination t : targets) {
      String format = label != null ? label : t.format().name().toLowerCase(java.util.Locale.ROOT);
      try {
        writer.accept(t);
        err.println("verify: wrote " + format + " report " + t.file());
      } catch (RuntimeException e) {
        failed++;
        err.println("error: " + format + " report not written: " + e.getMessage());
      }
    }
    err.flush();
    return failed;
  }
}
