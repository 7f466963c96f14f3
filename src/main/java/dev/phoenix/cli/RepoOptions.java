package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads history shares. */
final class RepoOptions {
  @Option(names = "--repo", paramLabel = "PATH",
      description = "The Git repository holding environments/ and stacks/ (default: the one around the current directory).")
  Path repo;

  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
      description = "text for people, json for machines (docs/json.md). Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  GitRepository open() {
    return GitRepository.open(repo == null ? Path.of("").toAbsolutePath() : repo);
  }

  boolean json() {
    return output == OutputFormat.json;
  }
}
