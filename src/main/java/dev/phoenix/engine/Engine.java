package dev.phoenix.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The infrastructure engine (OpenTofu, or Terraform as second choice) seen as a few whole steps on
 * one working directory that holds the synthesized stack.
 *
 * <p>Plans are always saved to a file and bound to the lockfile commit they were made from (see
 * {@link PlanBinding}); {@link #apply} applies exactly that saved file and refuses one made from
 * another commit or changed since. Nothing secret is ever put on a command line: the engine gets
 * no {@code -var} arguments, and sensitive outputs come back redacted.
 */
public interface Engine {

  /** The binary this engine runs. */
  EngineBinary binary();

  /** The first line of {@code version}, e.g. {@code OpenTofu v1.12.6}. */
  String version() throws EngineException;

  /** {@code init}: prepares the working directory (backend, providers, modules). */
  StepResult init(Path workDir) throws EngineException;

  /**
   * {@code plan -out=planFile}, then counts the planned changes and writes the binding sidecar
   * recording {@code lockfileCommit} and the plan file's sha256.
   */
  PlanResult plan(Path workDir, Path planFile, String lockfileCommit) throws EngineException;

  /**
   * {@code show -json planFile}: the saved plan as JSON text (taken from stdout, never streamed).
   * The engine puts sensitive planned values in it in clear (marking them in
   * {@code after_sensitive}): callers must not print or store this text as it is.
   */
  String showPlanJson(Path workDir, Path planFile) throws EngineException;

  /**
   * Applies exactly the saved plan, after checking it was made from {@code expectedCommit} and
   * has not changed since.
   *
   * @throws PlanBindingException when the plan's binding does not match; nothing was run then
   */
  ApplyResult apply(Path workDir, Path planFile, String expectedCommit) throws EngineException;

  /**
   * {@code destroy -auto-approve}: destroys everything in the working directory's state. The
   * caller asks for confirmation first; the engine is not asked to.
   */
  ApplyResult destroy(Path workDir) throws EngineException;

  /** {@code output -json}: every root output; sensitive values are redacted (value null). */
  Map<String, Output> outputs(Path workDir) throws EngineException;

  /**
   * The managed resources in the current state (from {@code show -json}), modules included; empty
   * when there is no state yet. After a failed apply this says what was built before the failure.
   */
  List<StateResource> stateResources(Path workDir) throws EngineException;
}
