package dev.phoenix.cli;

import dev.phoenix.model.NameRules;
import java.util.List;

/** Every command checks the environment names it is given before anything becomes a path (exit 2). */
final class EnvNames {
  private EnvNames() {}

  static String check(String option, String name) {
    return name == null ? null : NameRules.ENVIRONMENT.require(name, option);
  }

  static List<String> check(String option, List<String> names) {
    if (names != null) {
      names.forEach(n -> check(option, n));
    }
    return names;
  }
}
