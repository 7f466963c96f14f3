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

  /** The message, exit code and the engine's error paragraph (from "Error:" on, joined, bounded). */
  static String brief(EngineException e) {
    List<String> lines = e.lastLines().stream().map(l -> l.replace("│", "").strip()).toList();
    int from = -1;
    for (int i = lines.size() - 1; i >= 0 && from < 0; i--) {
      if (lines.get(i).startsWith("Error:")) {
        from = i;
      }
    }
    StringBuilder said = new StringBuilder();
    for (int i = Math.max(0, from < 0 ? lines.size() - 3 : from); i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        said.append(said.length() == 0 ? "" : " ").append(lines.get(i));
      }
    }
    String text = said.length() > 400 ? said.substring(0, 400) + "…" : said.toString();
    return e.getMessage() + (e.exitCode() == EngineException.NO_EXIT_CODE ? "" : " (exit " + e.exitCode() + ")")
        + (text.isEmpty() ? "" : ": " + text);
  }
}
