package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.Confirm;
import java.io.Console;
import java.io.PrintWriter;

/** The [y/N] question before a command changes infrastructure, asked on the terminal only. */
final class TerminalConfirm {
  private TerminalConfirm() {}

  /**
   * Yes without asking when {@code yes}; otherwise a question on the console, and an input error
   * naming {@code what} when there is no terminal to ask on ({@code withoutAsking} says what --yes does).
   */
  static Confirm of(boolean yes, String what, String withoutAsking, PrintWriter err) {
    if (yes) {
      return Confirm.yes();
    }
    Console console = System.console();
    if (console == null) {
      throw PhoenixException.input(what + " asks for confirmation on a terminal, and there is none",
          "run it on a terminal, or add --yes to " + withoutAsking + " without asking");
    }
    return question -> {
      err.flush();
      String answer = console.readLine("%s [y/N] ", question);
      return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    };
  }
}
