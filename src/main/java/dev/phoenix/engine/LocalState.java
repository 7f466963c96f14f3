package dev.phoenix.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local state of a Terraform working directory, looked at before the engine plans or destroys
 * from it. The engine saves local state by truncating the file and writing it again, so an engine
 * killed between the two (a lost machine, SIGKILL, a full disk) leaves it empty or cut short. The
 * engine then reads "no state": a plan would create every resource again beside those that run,
 * and a destroy would find nothing to destroy and say it succeeded. So such a state stops the run
 * instead, and says where the state before it is ({@code <state>.backup}, which the engine writes
 * before its first save of a run).
 *
 * <p>The state's path is the synthesized configuration's local backend ({@code cdk.tf.json}:
 * {@code terraform.backend.local.path}, relative to the working directory), else the engine's
 * default, {@code terraform.tfstate}. A remote backend is not looked at: its writes are whole.
 */
public final class LocalState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalState() {}

  /** Why the engine must not run from this working directory's local state (what to do follows), or empty. */
  public static Optional<Damage> damage(Path workDir) {
    Optional<Path> state = path(workDir);
    if (state.isEmpty() || !Files.exists(state.get())) {
      return Optional.empty();
    }
    Optional<String> wrong = wrong(state.get());
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    Path backup = state.get().resolveSibling(state.get().getFileName() + ".backup");
    Optional<Held> before = Files.isRegularFile(backup) && wrong(backup).isEmpty() ? held(backup) : Optional.empty();
    return Optional.of(new Damage(state.get(), wrong.get(), before.map(s -> backup), before));
  }

  /**
   * A local state the engine must not run from.
   *
   * @param backup the engine's copy of the state before its last save, when it reads as a state
   */
  public record Damage(Path state, String what, Optional<Path> backup, Optional<Held> backupHolds) {
    public String message() {
      return "the Terraform state " + state + " " + what + ": most likely a save of it was cut short (the"
          + " engine stopped between truncating the file and writing it). Run from it, the engine would see no resources: a plan"
          + " would create each one again beside what runs, a destroy would remove nothing";
    }

    public String fix() {
      return backup.map(b -> "check " + b + " (the state before the engine's last run that saved: serial "
          + backupHolds.get().serial() + ", " + backupHolds.get().resources() + " resource(s); what that run made"
          + " after it may be missing), copy it over " + state + ", then run again; nothing was planned or destroyed")
          .orElse("restore " + state + " from your own copy of it, or delete it if nothing this state managed runs"
              + " any more; nothing was planned or destroyed");
    }
  }

  /** Serial and number of resources of a state. */
  public record Held(long serial, int resources) {}

  /** The local state file of {@code workDir}, or empty when its backend is remote. */
  static Optional<Path> path(Path workDir) {
    Path config = workDir.resolve("cdk.tf.json");
    if (!Files.isRegularFile(config)) {
      return Optional.of(workDir.resolve("terraform.tfstate"));
    }
    JsonNode backend;
    try {
      backend = JSON.readTree(config.toFile()).path("terraform").path("backend");
    } catch (IOException e) {
      return Optional.empty(); // the engine itself reports a configuration it cannot read
    }
    if (backend.isMissingNode() || backend.isEmpty()) {
      return Optional.of(workDir.resolve("terraform.tfstate"));
    }
    JsonNode local = backend.path("local");
    if (local.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(workDir.resolve(local.path("path").asText("terraform.tfstate")));
  }

  /** What is wrong with a state file ("is empty", …), or empty when it reads as a state. */
  private static Optional<String> wrong(Path state) {
    try {
      if (Files.size(state) == 0) {
        return Optional.of("is empty");
      }
      JsonNode root = JSON.readTree(state.toFile());
      if (root == null || !root.isObject() || !root.path("version").isInt() || !root.has("serial")) {
        return Optional.of("is not a Terraform state (no version and serial)");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("does not read as JSON (it ends before its end, or is damaged)");
    }
  }

  private static Optional<Held> held(Path state) {
    try {
      JsonNode root = JSON.readTree(state.toFile());
      return Optional.of(new Held(root.path("serial").asLong(), root.path("resources").size()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
