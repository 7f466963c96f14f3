package dev.phoenix.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "phoenix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Rebuild a whole environment exactly as it was at a chosen moment, from immutable artefacts.",
    subcommands = {
      ValidateCommand.class,
      HistoryCommand.class,
      ShowCommand.class,
      DiffCommand.class,
      VerifyCommand.class,
      RebuildCommand.class,
      DrillsCommand.class,
      TeardownCommand.class,
      LockCommand.class,
      AttestCommand.class,
      PromoteCommand.class,
      ProtectCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 a check failed (missing artefacts, failed drill),",
      "            2 usage or input error, 3 could not check (network, auth)."
    })
final class PhoenixCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  boolean stacktrace;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
