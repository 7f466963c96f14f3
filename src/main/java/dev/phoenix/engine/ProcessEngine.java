package dev.phoenix.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@link Engine} run as a child process ({@code tofu} or {@code terraform}). Each command runs in
 * the given working directory with {@code -no-color} (and {@code -input=false} where the command
 * takes it), stdin closed, and a timeout; its lines stream to the caller's consumer.
 *
 * <p>The child gets this process's environment (provider credentials come from there) with
 * {@code TF_IN_AUTOMATION=1}, {@code TF_INPUT=0} and {@code CHECKPOINT_DISABLE=1} added, and with
 * {@code TF_VAR_*} and {@code TF_CLI_ARGS*} removed: a rebuild takes its inputs from the lockfile
 * only, never from a stray variable in someone's shell.
 */
public final class ProcessEngine implements Engine {

  private final EngineBinary binary;
  private final EngineProcess process;
  private final Consumer<String> lines;

  /**
   * @param timeout limit for each single command
   * @param lines receives every line the engine prints, for progress; called from one thread at a time
   */
  public ProcessEngine(EngineBinary binary, Duration timeout, Consumer<String> lines) {
    this(binary, timeout, lines, System.getenv());
  }

  /** As above, with the environment the child starts from given explicitly. */
  public ProcessEngine(EngineBinary binary, Duration timeout, Consumer<String> lines, Map<String, String> env) {
    this.binary = binary;
    this.process = new EngineProcess(childEnvironment(env), timeout);
    this.lines = lines;
  }

  static Map<String, String> childEnvironment(Map<String, String> env) {
    Map<String, String> child = new HashMap<>(env);
    child.keySet().removeIf(k -> k.startsWith("TF_VAR_") || k.startsWith("TF_CLI_ARGS"));
    String config = child.get("TF_CLI_CONFIG_FILE");
    if (config != null && !Files.isRegularFile(Path.of(config))) {
      child.remove("TF_CLI_CONFIG_FILE"); // would only print a warning on every command
    }
    child.put("TF_IN_AUTOMATION", "1");
    child.put("TF_INPUT", "0");
    child.put("CHECKPOINT_DISABLE", "1");
    return child;
  }

  @Override
  public EngineBinary binary() {
    return binary;
  }

  @Override
  public String version() throws EngineException {
    List<String> cmd = command("version");
    EngineProcess.Run outcome = succeed("version", cmd, Path.of("."), true, line -> { });
    return outcome.stdout().lines().map(String::trim)
        .filter(l -> l.startsWith("OpenTofu v") || l.startsWith("Terraform v"))
        .findFirst().orElse(outcome.stdout().strip());
  }

  @Override
  public StepResult init(Path workDir) throws EngineException {
    List<String> cmd = command("init", "-input=false", "-no-color");
    return new StepResult("init", succeed("init", cmd, workDir, false, lines).duration());
  }

  @Override
  public PlanResult plan(Path workDir, Path planFile, String lockfileCommit) throws EngineException {
    Path plan = planFile.toAbsolutePath();
    List<String> cmd = command("plan", "-input=false", "-no-color", "-out=" + plan);
    try {
      Files.createDirectories(plan.getParent());
      Files.deleteIfExists(PlanBinding.sidecarOf(plan)); // an old binding must never outlive its plan
      Files.deleteIfExists(plan);
    } catch (IOException e) {
      throw new EngineException("cannot prepare " + plan + ": " + e.getMessage(), cmd,
          EngineException.NO_EXIT_CODE, List.of(), e);
    }
    Duration took = succeed("plan", cmd, workDir, false, lines).duration();
    String json = showPlanJson(workDir, plan);
    try {
      Changes changes = EngineOutputs.planChanges(json);
      PlanBinding binding = PlanBinding.write(plan, lockfileCommit);
      return new PlanResult(plan, binding, changes, took);
    } catch (JsonProcessingException e) {
      // the parser's message could quote a planned value, which may be secret: not passed on
      throw new EngineException("cannot read the saved plan as JSON",
          command("show", "-no-color", "-json", plan.toString()), 0, List.of(), e);
    } catch (IOException e) {
      throw new EngineException("cannot bind " + plan + " to lockfile commit " + lockfileCommit + ": "
          + e.getMessage(), cmd, 0, List.of(), e);
    }
  }

  @Override
  public String showPlanJson(Path workDir, Path planFile) throws EngineException {
    List<String> cmd = command("show", "-no-color", "-json", planFile.toAbsolutePath().toString());
    return succeed("show", cmd, workDir, true, lines).stdout();
  }

  @Override
  public ApplyResult apply(Path workDir, Path planFile, String expectedCommit) throws EngineException {
    Path plan = planFile.toAbsolutePath();
    List<String> cmd = command("apply", "-input=false", "-no-color", plan.toString());
    PlanBinding.verify(plan, expectedCommit, cmd);
    AtomicReference<Changes> summary = new AtomicReference<>(Changes.NONE);
    Consumer<String> watch = line -> {
      EngineOutputs.applySummary(line).ifPresent(summary::set);
      lines.accept(line);
    };
    Duration took = succeed("apply", cmd, workDir, false, watch).duration();
    return new ApplyResult(plan, summary.get(), took);
  }

  @Override
  public ApplyResult destroy(Path workDir) throws EngineException {
    List<String> cmd = command("destroy", "-input=false", "-no-color", "-auto-approve");
    AtomicReference<Changes> summary = new AtomicReference<>(Changes.NONE);
    Consumer<String> watch = line -> {
      EngineOutputs.destroySummary(line).ifPresent(summary::set);
      lines.accept(line);
    };
    Duration took = succeed("destroy", cmd, workDir, false, watch).duration();
    return new ApplyResult(null, summary.get(), took);
  }

  @Override
  public Map<String, Output> outputs(Path workDir) throws EngineException {
    List<String> cmd = command("output", "-no-color", "-json");
    String json = succeed("output", cmd, workDir, true, lines).stdout();
    try {
      return EngineOutputs.outputs(json);
    } catch (JsonProcessingException e) {
      // the message could quote a value: do not pass it on
      throw new EngineException("cannot read the outputs as JSON", cmd, 0, List.of());
    }
  }

  @Override
  public List<StateResource> stateResources(Path workDir) throws EngineException {
    List<String> cmd = command("show", "-no-color", "-json");
    String json = succeed("show", cmd, workDir, true, lines).stdout();
    try {
      return EngineOutputs.stateResources(json);
    } catch (JsonProcessingException e) {
      throw new EngineException("cannot read the state as JSON", cmd, 0, List.of());
    }
  }

  private List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.executable().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private EngineProcess.Run succeed(
      String step, List<String> cmd, Path workDir, boolean capture, Consumer<String> sink)
      throws EngineException {
    EngineProcess.Run outcome = process.run(cmd, workDir, capture, sink);
    if (outcome.exitCode() != 0) {
      throw new EngineException(binary.executable().getFileName() + " " + step + " failed in " + workDir,
          cmd, outcome.exitCode(), outcome.tail());
    }
    return outcome;
  }
}
