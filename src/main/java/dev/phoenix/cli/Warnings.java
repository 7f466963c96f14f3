package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import java.io.PrintWriter;
import java.util.List;

/** Warnings printed to stderr so that JSON on stdout stays clean. */
final class Warnings {
  private Warnings() {}

  static void uncommitted(GitRepository git, String environment, PrintWriter err) {
    List<String> changed = git.uncommittedChanges(List.of("environments/" + environment, "stacks"));
    if (!changed.isEmpty()) {
      err.println("warning: uncommitted changes to " + String.join(", ", changed.subList(0, Math.min(5, changed.size())))
          + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "")
          + " are ignored: Phoenix reads committed history only");
    }
  }
}
