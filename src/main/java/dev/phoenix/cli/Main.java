package dev.phoenix.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. {@link #run} is what tests call: no System.exit, writers given in. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    lookNoFurther();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Two start-up lookups that search the whole class path for what is not there, and so open every
   * jar on it, CDKTF's 120 MB AWS provider included: picocli's for Groovy closures (Phoenix has none)
   * and SLF4J's service lookup for a logging provider (Phoenix ships slf4j-nop, named here). Without
   * them {@code phoenix --version} takes 0.31 s instead of 0.40 s. (JGit's message bundle still looks
   * the whole class path through when a command opens a repository.) A value the user set is kept.
   */
  static void lookNoFurther() {
    setIfAbsent("picocli.disable.closures", "true");
    setIfAbsent("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN"); // else naming the provider prints an info line
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PhoenixCommand());
    String asked = firstWord(args);
    if (asked != null && PhoenixCommand.SUBCOMMANDS.containsKey(asked)) {
      cli.addSubcommand(asked, PhoenixCommand.SUBCOMMANDS.get(asked).get());
    } else {
      PhoenixCommand.SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
    return cli.execute(args);
  }

  /** The first argument that is not an option: the subcommand's name, if one was given. */
  private static String firstWord(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }
}
