package dev.phoenix.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    footer = {
      "",
      "Exit codes: 0 ok, 1 a check failed (missing artefacts, failed drill),",
      "            2 usage or input error, 3 could not check (network, auth)."
    })
final class PhoenixCommand implements Runnable {
  /**
   * The subcommands, in help order. Built lazily by {@link Main}: picocli introspects every
   * command it is given (about 170 ms for all of them on a cold JVM), so a run builds only the
   * one it was asked for, and all of them only for top-level help or an unknown name.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand::new);
    m.put("history", HistoryCommand::new);
    m.put("show", ShowCommand::new);
    m.put("diff", DiffCommand::new);
    m.put("verify", VerifyCommand::new);
    m.put("report", ReportCommand::new);
    m.put("rebuild", RebuildCommand::new);
    m.put("drills", DrillsCommand::new);
    m.put("drift", DriftCommand::new);
    m.put("teardown", TeardownCommand::new);
    m.put("lock", LockCommand::new);
    m.put("attest", AttestCommand::new);
    m.put("promote", PromoteCommand::new);
    m.put("rollback", RollbackCommand::new);
    m.put("protect", ProtectCommand::new);
    m.put("mirror", MirrorCommand::new);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Spec CommandSpec spec;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  boolean stacktrace;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
