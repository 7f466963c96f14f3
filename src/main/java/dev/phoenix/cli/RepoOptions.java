package dev.phoenix.cli;

import dev.phoenix.core.ReadCache;
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

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where what was read from lockfiles and blueprints is kept, by Git blob, so each is parsed once "
          + "(default: $PHOENIX_CACHE_DIR, else .git/phoenix/readings; 'off' turns it off). Holds no secret.")
  String cacheDir;

  GitRepository open() {
    if (cacheDir != null) {
      System.setProperty(ReadCache.DIR_PROPERTY, cacheDir);
    } else {
      System.clearProperty(ReadCache.DIR_PROPERTY);
    }
    return GitRepository.open(repo == null ? Path.of("").toAbsolutePath() : repo);
  }

  boolean json() {
    return output == OutputFormat.json;
  }
}
