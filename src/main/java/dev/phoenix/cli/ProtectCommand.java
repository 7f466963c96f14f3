package dev.phoenix.cli;

import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.core.Durations;
import dev.phoenix.protect.Action;
import dev.phoenix.aws.ec2.RecycleBinRule;
import dev.phoenix.aws.ecr.EcrRule;
import dev.phoenix.protect.Keepers;
import dev.phoenix.protect.ProtectPlan;
import dev.phoenix.protect.ProtectWindow;
import dev.phoenix.report.Json;
import dev.phoenix.stores.Stores;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      description = "ProtectWindow: revisions committed in the last DURATION, plus the one live at its start. Default: ${DEFAULT-VALUE}.")
  String since;

  @Option(names = "--prune", description = "Also remove this environment's marks from versions no revision in the window pins.")
  boolean prune;

  @Option(names = "--yes", description = "Apply the changes (default: list them only).")
  boolean yes;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Store calls in flight at once; changes to one parameter, secret or object always go in order. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    if (concurrency < 1 || concurrency > 64) {
      throw PhoenixException.input("--concurrency " + concurrency + " is out of range", "use 1 to 64");
    }
    Duration window = Durations.parse(since).orElseThrow(() -> PhoenixException.input(
        "--since '" + since + "' is not a duration", "write e.g. 90d, 12w or 36h"));
    Instant start = Instant.now().minus(window).truncatedTo(ChronoUnit.SECONDS);
    PrintWriter out = spec.commandLine().getOut();
    try (GitRepository git = repo.open(); Stores live = Stores.open(stores.settings())) {
      Keepers keepers = Keepers.of(live.keepers());
      ProtectWindow w = ProtectWindow.of(git, env, start);
      if (w.revisions().isEmpty()) {
        throw PhoenixException.input("environment " + env + " has no lockfile in the history of HEAD",
            "check --env (phoenix history --env " + env + ")");
      }
      PrintWriter err = spec.commandLine().getErr();
      ProtectPlan.Plan plan = ProtectPlan.of(w, keepers, env, prune, concurrency,
          new CountProgress(err, "protect: %d/%d references asked", w.wanted().size()));
      List<Action> result = yes ? ProtectPlan.apply(plan, keepers, env, concurrency,
          new CountProgress(err, "protect: %d/%d changes made", plan.actions().size())) : plan.actions();
      boolean failed = result.stream().anyMatch(a -> a.kind() == Action.Kind.FAILED);
      boolean images = w.wanted().keySet().stream().anyMatch(r -> r instanceof Ref.Image);
      boolean amis = w.wanted().keySet().stream().anyMatch(r -> r instanceof Ref.Ami);
      long days = Math.max(1, (window.toHours() + 23) / 24);
      if (repo.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", env);
        m.put("since", start.toString());
        m.put("revisions", w.revisions().size());
        m.put("references", w.wanted().size());
        m.put("alreadyProtected", plan.alreadyProtected());
        m.put("applied", yes);
        m.put("actions", result.stream().map(a -> Map.of("kind", a.kind().name().toLowerCase().replace('_', '-'),
            "ref", a.ref().id(), "mark", a.mark() == null ? "" : a.mark(), "reason", a.reason())).toList());
        m.put("ecrLifecycleRule", images ? EcrRule.json() : null);
        m.put("recycleBinRule", amis ? RecycleBinRule.command(env, days) : null);
        out.println(Json.write(m));
      } else {
        out.println("protect " + env + ": " + w.revisions().size() + " revisions since " + start + ", "
            + w.wanted().size() + " references, " + plan.alreadyProtected() + " already protected");
        result.forEach(a -> out.println("  " + a.render()));
        long changes = result.stream().filter(a -> a.kind() == Action.Kind.ADD || a.kind() == Action.Kind.REMOVE).count();
        out.println(yes ? "applied " + changes + " change(s)" + (failed ? "; some failed (x)" : "")
            : changes == 0 ? "nothing to change" : "dry run: " + changes + " change(s) listed, none made; run again with --yes to apply");
        if (images) {
          out.println("ECR: so lifecycle rules never expire protected images, add this rule (all other rules need a higher rulePriority):");
          out.println(EcrRule.json());
        }
        if (amis) {
          out.println("EC2: an image tag does not stop a deregistration; so a deregistered protected image stays restorable"
              + " for the window, add this Recycle Bin rule (and one for EBS_SNAPSHOT if its snapshots may go too):");
          out.println(RecycleBinRule.command(env, days));
        }
      }
      out.flush();
      return failed ? ExitCodes.UNAVAILABLE : ExitCodes.OK;
    }
  }
}
