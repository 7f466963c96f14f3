package dev.phoenix.cli;

import dev.phoenix.stores.Stores;

import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.git.GitRepository;
import dev.phoenix.mirror.MirrorItem;
import dev.phoenix.mirror.MirrorRepository;
import dev.phoenix.mirror.MirrorRequest;
import dev.phoenix.mirror.MirrorResult;
import dev.phoenix.mirror.MirrorRun;
import dev.phoenix.mirror.RegionStores;
import dev.phoenix.report.Json;
import dev.phoenix.verify.VerifyWindow;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mirror", mixinStandardHelpOptions = true,
    description = "Copy into a mirror region every image, package, parameter, secret and AMI that any revision in the "
        + "window pins, and the datastore backups (S3 dumps, RDS snapshots) the window needs, that the region lacks "
        + "(regions.yaml says where), recording each copy in mirrors.ledger. "
        + "Dry run unless --yes.")
final class MirrorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin StoreOptions stores;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;

  @Option(names = "--to", required = true, paramLabel = "REGION", description = "The mirror region (one of regions.yaml's mirrors).")
  String region;

  @Option(names = "--since", paramLabel = "AGE", defaultValue = "90d",
      description = "Revisions committed in the last AGE, plus the one in force at its start. Default: ${DEFAULT-VALUE}.")
  String since;

  @Option(names = "--yes", description = "Make the copies (default: list them only).")
  boolean yes;

  @Option(names = "--commit", description = "Commit the ledger afterwards (only it), when copies were recorded.")
  boolean commit;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Copies at once. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "6h",
      description = "Registry requests stop after this long. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    dev.phoenix.core.Concurrency.check("--concurrency", concurrency);
    Duration window = Durations.option(since, "--since", Durations.WINDOW);
    Duration until = Durations.option(deadline, "--deadline", Durations.DEADLINE);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicInteger settled = new AtomicInteger();
    try (GitRepository git = repo.open(); Stores live = Stores.open(stores.settings())) {
      RegionStores regionStores = regionsOf(live);
      VerifyWindow w = VerifyWindow.since(window, Instant.now().truncatedTo(ChronoUnit.SECONDS), since);
      MirrorRun run = new MirrorRun(git, regionStores, new MirrorRun.Listener() {
        @Override
        public void settled(MirrorItem item) {
          err.println("mirror: " + settled.incrementAndGet() + " " + line(item));
          err.flush();
        }

        @Override
        public void note(String line) {
          err.println(line);
          err.flush();
        }
      });
      MirrorResult r = run.run(new MirrorRequest(env, region, w, yes, commit, concurrency, until));
      if (repo.json()) {
        out.println(Json.write(json(r)));
      } else {
        text(out, err, r);
      }
      out.flush();
      return r.failed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
  }

  private static void text(PrintWriter out, PrintWriter err, MirrorResult r) {
    for (Problem p : r.revisionProblems()) {
      err.println("warning: an invalid revision (its references are mirrored all the same): " + p.render());
    }
    out.println("mirror " + r.environment() + " into " + r.region() + ": " + r.revisions() + " revisions " + r.window()
        + ", " + r.items().size() + " references");
    r.repositories().forEach(repo -> out.println("  " + line(repo)));
    r.items().stream().filter(i -> i.state() != MirrorItem.State.MIRRORED).forEach(i -> out.println("  " + line(i)));
    long planned = r.count(MirrorItem.State.PLANNED);
    long copied = r.count(MirrorItem.State.COPIED);
    long present = r.count(MirrorItem.State.PRESENT);
    long mirrored = r.count(MirrorItem.State.MIRRORED);
    long problems = r.items().stream().filter(MirrorItem::problem).count();
    if (r.dryRun()) {
      out.println(planned == 0 && problems == 0 ? "nothing to copy: every reference is mirrored in " + r.region()
          : "dry run: " + planned + " cop" + (planned == 1 ? "y" : "ies") + " listed, none made; " + mirrored
              + " already mirrored; run again with --yes to copy");
    } else if (copied + present == 0 && problems == 0) {
      out.println("nothing to copy: all " + mirrored + " references are mirrored in " + r.region() + " (" + r.ledger() + ")");
    } else {
      out.println("copied " + copied + ", found " + present + " already in " + r.region() + ", " + mirrored
          + " mirrored before; recorded in " + r.ledger() + (r.commit() == null ? "" : " (commit " + r.commit().substring(0, 12) + ")"));
    }
    long planRepos = r.repositories().stream().filter(x -> x.state() == MirrorRepository.State.PLANNED).count();
    long madeRepos = r.repositories().stream().filter(x -> x.state() == MirrorRepository.State.CREATED).count();
    long badRepos = r.repositories().stream().filter(x -> x.state() == MirrorRepository.State.FAILED).count();
    if (planRepos > 0) {
      out.println(planRepos + " ECR repositor" + (planRepos == 1 ? "y" : "ies") + " to create in " + r.region() + " first");
    }
    if (madeRepos > 0) {
      out.println("created " + madeRepos + " ECR repositor" + (madeRepos == 1 ? "y" : "ies") + " in " + r.region());
    }
    if (badRepos > 0) {
      out.println(badRepos + " ECR repositor" + (badRepos == 1 ? "y" : "ies") + " not created (x): the copies into "
          + (badRepos == 1 ? "it" : "them") + " fail");
    }
    long unmirrorable = r.count(MirrorItem.State.NOT_MIRRORABLE);
    if (unmirrorable > 0) {
      out.println(unmirrorable + " backup(s) not mirrorable (!): " + r.region() + " cannot restore them; phoenix verify "
          + "--region " + r.region() + " reports their datastores");
    }
    if (problems > 0) {
      out.println(problems + " reference(s) not mirrored (x): " + r.region() + " cannot restore the revisions that pin them");
    }
  }

  static String line(MirrorItem i) {
    String mark = switch (i.state()) {
      case PLANNED -> "would copy";
      case COPIED -> "copied";
      case PRESENT -> "found";
      case MIRRORED -> "mirrored";
      case UNMAPPED, FAILED -> "x";
      case NOT_MIRRORABLE -> "!";
    };
    String where = i.target() == null ? "" : " -> " + i.target();
    boolean told = i.state() != MirrorItem.State.MIRRORED && i.state() != MirrorItem.State.PLANNED;
    return mark + " " + i.source().describe() + where + (i.detail() == null || !told ? "" : ": " + i.detail());
  }

  static String line(MirrorRepository r) {
    return switch (r.state()) {
      case PLANNED -> "would create ECR repository " + r.name() + " (" + r.settings() + ")";
      case CREATED -> "created ECR repository " + r.name() + " (" + r.settings() + ")";
      case FAILED -> "x ECR repository " + r.name() + ": " + r.detail();
    };
  }

  private static Map<String, Object> json(MirrorResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", r.environment());
    m.put("region", r.region());
    m.put("window", r.window());
    m.put("dryRun", r.dryRun());
    m.put("revisions", r.revisions());
    m.put("ledger", r.ledger());
    m.put("commit", r.commit());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (MirrorItem.State s : MirrorItem.State.values()) {
      counts.put(s.name().toLowerCase(Locale.ROOT), r.count(s));
    }
    m.put("counts", counts);
    m.put("items", r.items().stream().map(i -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("source", i.source().id());
      e.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
      e.put("state", i.state().name().toLowerCase(Locale.ROOT));
      e.put("target", i.target());
      e.put("detail", i.detail());
      return e;
    }).toList());
    m.put("repositories", r.repositories().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("repository", x.name());
      e.put("state", x.state().name().toLowerCase(Locale.ROOT));
      e.put("settings", x.settings());
      e.put("detail", x.detail());
      return e;
    }).toList());
    m.put("revisionProblems", r.revisionProblems().stream().map(dev.phoenix.report.Views::problem).toList());
    return m;
  }

  /** The run's stores asked per region: the one composition root, keyed by region. */
  static RegionStores regionsOf(Stores live) {
    return new RegionStores() {
      @Override
      public dev.phoenix.registry.RegistryClient registry() {
        return live.registry();
      }

      @Override
      public dev.phoenix.aws.s3.S3Service s3(String region) {
        return live.region(region).s3();
      }

      @Override
      public dev.phoenix.aws.ssm.SsmService ssm(String region) {
        return live.region(region).ssm();
      }

      @Override
      public dev.phoenix.aws.secrets.SecretsService secrets(String region) {
        return live.region(region).secrets();
      }

      @Override
      public dev.phoenix.aws.ecr.EcrService ecr() {
        return live.ecr();
      }

      @Override
      public dev.phoenix.aws.rds.RdsService rds(String region) {
        return live.region(region).rds();
      }

      @Override
      public java.util.List<dev.phoenix.check.BackupCatalog> backups(String region) {
        return live.region(region).backups();
      }

      @Override
      public dev.phoenix.aws.ec2.Ec2Service ec2() {
        return live.ec2();
      }
    };
  }
}
