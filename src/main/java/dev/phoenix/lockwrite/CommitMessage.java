package dev.phoenix.lockwrite;

import dev.phoenix.history.Change;
import java.util.List;

/**
 * The structured Git commit message of a Phoenix write: a subject naming the command, environment
 * and what changed, then trailer-style lines machines can grep (Phoenix-Environment, ...).
 */
public final class CommitMessage {
  private CommitMessage() {}

  public static String of(String command, WriteResult result, List<String> details) {
    return of(command, "", result, details);
  }

  /** As {@link #of(String, WriteResult, List)}, with {@code qualifier} after the environment in the subject ("to 83d377b"). */
  public static String of(String command, String qualifier, WriteResult result, List<String> details) {
    List<Change> changes = result.changes();
    String what = changes.isEmpty() ? "update" : changes.size() == 1 ? changes.get(0).render() : changes.size() + " changes";
    StringBuilder s = new StringBuilder("phoenix " + command + " " + result.environment()
        + (qualifier.isEmpty() ? "" : " " + qualifier) + ": " + what + "\n\n");
    for (Change c : changes) {
      s.append(c.render()).append('\n');
    }
    for (String d : details) {
      s.append(d).append('\n');
    }
    s.append('\n');
    s.append("Phoenix-Command: ").append(command).append('\n');
    s.append("Phoenix-Environment: ").append(result.environment()).append('\n');
    s.append("Phoenix-File: ").append(result.path()).append('\n');
    return s.toString();
  }
}
