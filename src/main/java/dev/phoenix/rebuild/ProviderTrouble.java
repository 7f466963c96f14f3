package dev.phoenix.rebuild;

import dev.phoenix.engine.EngineException;
import java.util.List;
import java.util.Locale;

/** Recognises an {@code init} that failed because provider plugins could not be installed. */
final class ProviderTrouble {
  private static final List<String> SIGNS = List.of(
      "failed to query available provider packages", "failed to install provider",
      "could not retrieve the list of available versions", "registry.opentofu.org", "registry.terraform.io",
      "failed to resolve provider packages", "provider registry");

  private ProviderTrouble() {}

  static boolean isProviderDownload(EngineException e) {
    for (String line : e.lastLines()) {
      String l = line.toLowerCase(Locale.ROOT);
      if (SIGNS.stream().anyMatch(l::contains)) {
        return true;
      }
    }
    return false;
  }

  static String explain(String stack, EngineException e, Prepared prepared) {
    return "engine init of stack " + stack + " could not install its provider plugins (no network to the provider"
        + " registry and no provider mirror configured: set TF_CLI_CONFIG_FILE to a CLI config with a"
        + " provider_installation filesystem_mirror or network_mirror); the synthesized stacks are complete and"
        + " were not planned. Engine said: " + brief(e);
  }

  /** The message, exit code and the last few engine lines that say something. */
  static String brief(EngineException e) {
    List<String> tail = e.lastLines().stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("│ ")
        || l.startsWith("│ Error")).toList();
    List<String> last = tail.subList(Math.max(0, tail.size() - 3), tail.size());
    String lines = last.isEmpty() ? "" : " — " + String.join(" / ", last);
    return e.getMessage() + (e.exitCode() == EngineException.NO_EXIT_CODE ? "" : " (exit " + e.exitCode() + ")") + lines;
  }
}
