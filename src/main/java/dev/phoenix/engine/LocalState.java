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

  /**
   * Why the engine must not run from this working directory's local state (what to do follows), or
   * empty.
   */
  public static Optional<Damage> damage(Path workDir) {
    Optional<Path> state = path(workDir);
    if (state.isEmpty() || !Files.exists(state.get())) {
      return Optional.empty();
    }
    Read now = read(state.get());
    if (now.wrong() == null) {
      return Optional.empty();
    }
    Path backup = state.get().resolveSibling(state.get().getFileName() + ".backup");
    Read saved = Files.isRegularFile(backup) ? read(backup) : null;
    Optional<Before> before = saved == null || saved.wrong() != null ? Optional.empty()
        : Optional.of(new Before(backup, saved.serial(), saved.resources()));
    return Optional.of(new Damage(state.get(), now.wrong(), before));
  }

  /**
   * A local state the engine must not run from.
   *
   * @param backup the engine's copy of the state before its last save, when it reads as a state
   */
  public record Damage(Path state, String what, Optional<Before> backup) {
    public String message() {
      return "the Terraform state " + state + " " + what + ": most likely a save of it was cut short (the"
          + " engine stopped between truncating the file and writing it). Run from it, the engine would see no"
          + " resources: a plan would create each one again beside what runs, a destroy would remove nothing";
    }

    public String fix() {
      return backup.map(b -> "check " + b.path() + " (the state before the engine's last run that saved: serial "
          + b.serial() + ", " + b.resources() + " resource(s); what that run made after it may be missing), copy"
          + " it over " + state + ", then run again; nothing was planned or destroyed")
          .orElse("restore " + state + " from your own copy of it, or delete it if nothing this state managed runs"
              + " any more; nothing was planned or destroyed");
    }
  }

  /** The engine's copy of a state before its last save: where it is, its serial and number of resources. */
  public record Before(Path path, long serial, int resources) {}

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

  /** A state file read once: what is wrong with it ("is empty", …), or null and what it holds. */
  private record Read(String wrong, long serial, int resources) {}

  private static Read read(Path state) {
    try {
      if (Files.size(state) == 0) {
        return new Read("is empty", 0, 0);
      }
      JsonNode root = JSON.readTree(state.toFile());
      if (root == null || !root.isObject() || !root.path("version").isInt() || !root.has("serial")) {
        return new Read("is not a Terraform state (no version and serial)", 0, 0);
      }
      return new Read(null, root.path("serial").asLong(), root.path("resources").size());
    } catch (IOException e) {
      return new Read("does not read as JSON (it ends before its end, or is damaged)", 0, 0);
    }
  }
}
