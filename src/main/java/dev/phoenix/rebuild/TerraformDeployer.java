package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.engine.ApplyResult;
import dev.phoenix.engine.Engine;
import dev.phoenix.engine.EngineException;
import dev.phoenix.engine.EngineLocator;
import dev.phoenix.engine.LocalState;
import dev.phoenix.engine.PlanBindingException;
import dev.phoenix.engine.PlanResult;
import dev.phoenix.engine.ProcessEngine;
import dev.phoenix.engine.ProviderMirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase {@code engine} for targets whose {@link Prepared} stacks are Terraform working
 * directories: stack by stack, in order, {@code init}, {@code plan} into a saved plan file bound
 * to the lockfile commit ({@value #PLAN_FILE}), then — with apply, after confirmation — applies
 * exactly that saved plan. A failure stops at that stack and keeps the state, so a re-run
 * converges. When the engine cannot run at all (no binary; provider plugins cannot be
 * installed) the outcome is {@link RebuildOutcome#STOPPED_AFTER_SYNTH}. When a cut-short save left
 * a stack's local state empty or damaged, nothing runs for any stack ({@link LocalState}).
 *
 * <p>Providers come from the registry, unless a provider mirror is named ({@value #MIRROR_OPTION}
 * target option or {@code --provider-mirror}, else {@value ProviderMirror#ENV}): then Phoenix
 * writes the engine's CLI configuration into the target directory and the engine installs from
 * that mirror only.
 */
public final class TerraformDeployer {
  public static final String PLAN_FILE = "phoenix.tfplan";

  /** The target option naming a provider filesystem mirror. */
  public static final String MIRROR_OPTION = "providerMirror";

  /** Makes the engine of a run. */
  @FunctionalInterface
  public interface Engines {
    /**
     * @param environment variables the engine's process must get besides this process's own
     *     (the CLI configuration of a provider mirror, the target's endpoint)
     * @throws EngineUnavailable when no engine can be had
     */
    Engine make(TargetContext context, Map<String, String> environment);
  }

  private final Engines engines;
  private final Map<String, String> env;

  /** Finds the engine with {@link EngineLocator} ({@code --engine}, tofu, terraform). */
  public TerraformDeployer() {
    this(TerraformDeployer::locate);
  }

  /** @param engines makes the engine for a run (tests give their own) */
  public TerraformDeployer(Engines engines) {
    this(engines, System.getenv());
  }

  /** @param env this process's environment, for {@value ProviderMirror#ENV} */
  public TerraformDeployer(Engines engines, Map<String, String> env) {
    this.engines = engines;
    this.env = Map.copyOf(env);
  }

  /** Thrown by an engine factory when no engine can be had. */
  public static final class EngineUnavailable extends RuntimeException {
    public EngineUnavailable(String message) {
      super(message);
    }
  }

  /**
   * The provider mirror of a run: the {@value #MIRROR_OPTION} flag, else {@value
   * ProviderMirror#ENV}, else {@value #MIRROR_OPTION} in targets.yaml; empty when none is named.
   *
   * @throws PhoenixException INPUT when the named directory is not a mirror
   */
  public Optional<ProviderMirror> providerMirror(TargetSettings settings) {
    Optional<String> option = settings.get(MIRROR_OPTION);
    boolean flag = option.isPresent() && settings.line(MIRROR_OPTION) == 0;
    String fromEnv = env.get(ProviderMirror.ENV);
    if (!flag && fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(check(Path.of(fromEnv), () -> PhoenixException.input(
          ProviderMirror.ENV + "=" + fromEnv + ": " + ProviderMirror.problem(Path.of(fromEnv)).orElse(""),
          "point " + ProviderMirror.ENV + " at a provider mirror, or unset it")));
    }
    if (option.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Path.of(option.get());
    return Optional.of(check(dir, () -> {
      TargetSettings.requireNone(List.of(settings.problem(MIRROR_OPTION,
          ProviderMirror.problem(dir).orElse(""), "name a provider mirror (--provider-mirror DIR)")),
          settings.file());
      return new IllegalStateException("unreachable");
    }));
  }

  private static ProviderMirror check(Path dir, java.util.function.Supplier<RuntimeException> problem) {
    if (ProviderMirror.problem(dir).isPresent()) {
      throw problem.get();
    }
    return new ProviderMirror(dir);
  }

  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext ctx) {
    return deploy(resolved, prepared, ctx, Map.of());
  }

  /** @param targetEnv variables the target adds to the engine's environment (never a secret) */
  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext ctx, Map<String, String> targetEnv) {
    Optional<Deployed> damaged = damagedStates(prepared);
    if (damaged.isPresent()) {
      return damaged.get();
    }
    Optional<ProviderMirror> mirror = providerMirror(ctx.settings());
    Engine engine;
    try {
      engine = engines.make(ctx, environment(ctx, mirror, targetEnv));
    } catch (EngineUnavailable e) {
      return new Deployed(RebuildOutcome.STOPPED_AFTER_SYNTH, List.of(), "could not run the engine: " + e.getMessage());
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
            return new Deployed(RebuildOutcome.FAILED, runs, "stack " + stack.name() + ": no saved plan " + plan
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
          return new Deployed(anyApplied ? RebuildOutcome.FAILED : RebuildOutcome.PLANNED, runs,
              "apply of stack " + stack.name() + " declined" + (anyApplied ? "; earlier stacks were applied" : ""));
        }
        step = "apply";
        ctx.progress().line("stack " + stack.name() + ": apply " + plan.getFileName());
        ApplyResult a = engine.apply(stack.workDir(), plan, resolved.commit());
        anyApplied = true;
        runs.add(new Deployed.StackRun(stack.name(), planned, a.changes().render(), plan.toString()));
      } catch (PlanBindingException e) {
        runs.add(new Deployed.StackRun(stack.name(), null, null, plan.toString()));
        return new Deployed(RebuildOutcome.FAILED, runs, "stack " + stack.name() + ": " + e.getMessage());
      } catch (EngineException e) {
        runs.add(new Deployed.StackRun(stack.name(), null, null, null));
        if ("init".equals(step) && ProviderTrouble.isProviderDownload(e)) {
          return new Deployed(RebuildOutcome.STOPPED_AFTER_SYNTH, runs, ProviderTrouble.explain(stack.name(), e, mirror));
        }
        return new Deployed(RebuildOutcome.FAILED, runs, "stack " + stack.name() + ": " + step + " failed: "
            + ProviderTrouble.brief(e) + (anyApplied ? " (earlier stacks applied; state kept, re-run to converge)"
            : " (state kept, re-run to converge)"));
      }
    }
    return new Deployed(ctx.apply() ? RebuildOutcome.SUCCEEDED : RebuildOutcome.PLANNED, runs, null);
  }

  /**
   * Every stack whose local state a cut-short save left damaged, all told at once, before the engine
   * runs for any stack: read as "no resources", such a state would be planned as new.
   */
  private static Optional<Deployed> damagedStates(Prepared prepared) {
    List<Deployed.StackRun> stacks = new ArrayList<>();
    List<String> told = new ArrayList<>();
    for (Prepared.PreparedStack stack : prepared.stacks()) {
      LocalState.damage(stack.workDir()).ifPresent(d -> {
        stacks.add(new Deployed.StackRun(stack.name(), null, null, null));
        told.add("stack " + stack.name() + ": " + d.message() + ". To do: " + d.fix());
      });
    }
    return told.isEmpty() ? Optional.empty() : Optional.of(new Deployed(RebuildOutcome.FAILED, stacks,
        String.join("\n", told)));
  }

  /**
   * Runs {@code init}, {@code show} and {@code output} in {@code workDir} and hands the engine,
   * ready for {@link Engine#destroy}, to {@code teardown}.
   *
   * @throws PhoenixException UNAVAILABLE when the engine cannot run; CHECK_FAILED when it failed; INPUT when
   *     the local state was left damaged ({@link LocalState})
   */
  public <T> T withEngine(TargetContext ctx, Path workDir, Map<String, String> targetEnv, EngineWork<T> teardown) {
    Optional<LocalState.Damage> damage = LocalState.damage(workDir);
    if (damage.isPresent()) { // a destroy from it would remove nothing and say it succeeded
      throw PhoenixException.input(damage.get().message(), damage.get().fix());
    }
    Engine engine;
    try {
      engine = engines.make(ctx, environment(ctx, providerMirror(ctx.settings()), targetEnv));
    } catch (EngineUnavailable e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "could not run the engine: " + e.getMessage(),
          "run scripts/ensure-tofu or put tofu or terraform on PATH (--engine)");
    }
    try {
      engine.init(workDir);
      return teardown.run(engine);
    } catch (EngineException e) {
      if (ProviderTrouble.isProviderDownload(e)) {
        throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
            ProviderTrouble.explain(workDir.getFileName().toString(), e, providerMirror(ctx.settings())), null);
      }
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, ProviderTrouble.brief(e),
          "the state is kept; run the teardown again to converge");
    }
  }

  /** Work done with a ready engine. */
  @FunctionalInterface
  public interface EngineWork<T> {
    T run(Engine engine) throws EngineException;
  }

  private Map<String, String> environment(TargetContext ctx, Optional<ProviderMirror> mirror,
      Map<String, String> targetEnv) {
    Map<String, String> extra = new HashMap<>(targetEnv);
    if (mirror.isPresent()) {
      try {
        extra.putAll(mirror.get().writeConfig(ctx.outDir()));
      } catch (IOException e) {
        throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "cannot write the engine's CLI configuration"
            + " into " + ctx.outDir() + ": " + e.getMessage(), null);
      }
    }
    return Map.copyOf(extra);
  }

  private static Engine locate(TargetContext ctx, Map<String, String> extra) {
    try {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.putAll(extra);
      return new ProcessEngine(new EngineLocator().locate(ctx.engine()), ctx.engineTimeout(),
          line -> ctx.progress().line("    " + line), env);
    } catch (EngineException e) {
      throw new EngineUnavailable(e.getMessage());
    }
  }
}
