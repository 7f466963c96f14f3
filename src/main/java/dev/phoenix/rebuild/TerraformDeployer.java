package dev.phoenix.rebuild;

import dev.phoenix.engine.ApplyResult;
import dev.phoenix.engine.Engine;
import dev.phoenix.engine.EngineException;
import dev.phoenix.engine.EngineLocator;
import dev.phoenix.engine.PlanBindingException;
import dev.phoenix.engine.PlanResult;
import dev.phoenix.engine.ProcessEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Phase {@code engine} for targets whose {@link Prepared} stacks are Terraform working
 * directories: stack by stack, in order, {@code init}, {@code plan} into a saved plan file bound
 * to the lockfile commit ({@value #PLAN_FILE}), then — with apply, after confirmation — applies
 * exactly that saved plan. A failure stops at that stack and keeps the state, so a re-run
 * converges. When the engine cannot run at all (no binary; provider plugins cannot be
 * installed) the outcome is {@link Outcome#STOPPED_AFTER_SYNTH}.
 */
public final class TerraformDeployer {
  public static final String PLAN_FILE = "phoenix.tfplan";

  private final Function<TargetContext, Engine> engines;

  /** Finds the engine with {@link EngineLocator} ({@code --engine}, tofu, terraform). */
  public TerraformDeployer() {
    this(TerraformDeployer::locate);
  }

  /** @param engines makes the engine for a run (tests give their own); may throw EngineUnavailable */
  public TerraformDeployer(Function<TargetContext, Engine> engines) {
    this.engines = engines;
  }

  /** Thrown by an engine factory when no engine can be had. */
  public static final class EngineUnavailable extends RuntimeException {
    public EngineUnavailable(String message) {
      super(message);
    }
  }

  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext ctx) {
    Engine engine;
    try {
      engine = engines.apply(ctx);
    } catch (EngineUnavailable e) {
      return new Deployed(Outcome.STOPPED_AFTER_SYNTH, List.of(), "could not run the engine: " + e.getMessage());
    }
    List<Deployed.StackRun> runs = new ArrayList<>();
    boolean anyApplied = false;
    for (Prepared.PreparedStack stack : prepared.stacks()) {
      Path plan = stack.workDir().resolve(PLAN_FILE);
      String step = "init";
      try {
        ctx.progress().line("stack " + stack.name() + ": init");
        engine.init(stack.workDir());
        String planned;
        if (ctx.savedPlans()) {
          if (!Files.isRegularFile(plan)) {
            return new Deployed(Outcome.FAILED, runs, "stack " + stack.name() + ": no saved plan " + plan
                + " (run without --saved-plan first)");
          }
          planned = "saved plan";
        } else {
          step = "plan";
          ctx.progress().line("stack " + stack.name() + ": plan");
          PlanResult p = engine.plan(stack.workDir(), plan, resolved.commit());
          planned = p.changes().render();
          ctx.progress().line("stack " + stack.name() + ": " + planned);
        }
        if (!ctx.apply()) {
          runs.add(new Deployed.StackRun(stack.name(), planned, null, plan.toString()));
          continue;
        }
        if (!ctx.confirm().ask("apply stack " + stack.name() + " (" + planned + ")?")) {
          runs.add(new Deployed.StackRun(stack.name(), planned, null, plan.toString()));
          return new Deployed(anyApplied ? Outcome.FAILED : Outcome.PLANNED, runs,
              "apply of stack " + stack.name() + " declined" + (anyApplied ? "; earlier stacks were applied" : ""));
        }
        step = "apply";
        ctx.progress().line("stack " + stack.name() + ": apply " + plan.getFileName());
        ApplyResult a = engine.apply(stack.workDir(), plan, resolved.commit());
        anyApplied = true;
        runs.add(new Deployed.StackRun(stack.name(), planned, a.changes().render(), plan.toString()));
      } catch (PlanBindingException e) {
        runs.add(new Deployed.StackRun(stack.name(), null, null, plan.toString()));
        return new Deployed(Outcome.FAILED, runs, "stack " + stack.name() + ": " + e.getMessage());
      } catch (EngineException e) {
        runs.add(new Deployed.StackRun(stack.name(), null, null, null));
        if ("init".equals(step) && ProviderTrouble.isProviderDownload(e)) {
          return new Deployed(Outcome.STOPPED_AFTER_SYNTH, runs, ProviderTrouble.explain(stack.name(), e, prepared));
        }
        return new Deployed(Outcome.FAILED, runs, "stack " + stack.name() + ": " + step + " failed: "
            + ProviderTrouble.brief(e) + (anyApplied ? " (earlier stacks applied; state kept, re-run to converge)"
            : " (state kept, re-run to converge)"));
      }
    }
    return new Deployed(ctx.apply() ? Outcome.SUCCEEDED : Outcome.PLANNED, runs, null);
  }

  private static Engine locate(TargetContext ctx) {
    try {
      return new ProcessEngine(new EngineLocator().locate(ctx.engine()), ctx.engineTimeout(),
          line -> ctx.progress().line("    " + line));
    } catch (EngineException e) {
      throw new EngineUnavailable(e.getMessage());
    }
  }
}
