package dev.phoenix.rebuild;

import dev.phoenix.engine.EngineException;
import dev.phoenix.engine.ProviderMirror;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recognises an {@code init} that failed because provider plugins could not be installed. */
final class ProviderTrouble {
  private static final List<String> SIGNS = List.of(
      "failed to query available provider packages", "failed to install provider",
      "could not retrieve the list of available versions", "registry.opentofu.org", "registry.terraform.io",
      "failed to resolve provider packages", "provider registry",
      "inconsistent dependency lock file", "no available releases match");

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

  static String explain(String stack, EngineException e, Optional<ProviderMirror> mirror) {
    String why = mirror.map(m -> "from the provider mirror " + m.dir() + " (it holds "
            + (m.providers().isEmpty() ? "nothing" : String.join(", ", m.providers()))
            + "; add the missing provider with 'terraform providers mirror " + m.dir() + "')")
        .orElse("(no network to the provider registry and no provider mirror named: give --provider-mirror DIR,"
            + " targets.yaml " + TerraformDeployer.MIRROR_OPTION + ", or " + ProviderMirror.ENV
            + "; e.g. /opt/tf-plugins)");
    return "engine init of stack " + stack + " could not install its provider plugins " + why
        + "; the synthesized stacks are complete and were not planned. Engine said: " + brief(e);
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
