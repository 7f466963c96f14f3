package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.Target;
import dev.phoenix.rebuild.aws.AwsTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code --target} words and the {@link Target} each one makes. Add new targets here. */
final class RebuildTargets {
  private static final Map<String, Supplier<Target>> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("aws", AwsTarget::new);
    TARGETS.put("local", dev.phoenix.rebuild.local.LocalTarget::new);
  }

  private RebuildTargets() {}

  static Target of(String word) {
    Supplier<Target> make = TARGETS.get(word);
    if (make == null) {
      throw PhoenixException.input("unknown target '" + word + "'", "known targets: " + String.join(", ", TARGETS.keySet()));
    }
    return make.get();
  }
}
