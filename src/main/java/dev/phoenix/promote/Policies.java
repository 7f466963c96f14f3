package dev.phoenix.promote;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.Parsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads an environment's policy from the working tree; a broken policy stops promotion. */
public final class Policies {
  private Policies() {}

  public static Policy load(Path root, String environment) {
    Path file = root.resolve(Policy.path(environment));
    if (!Files.isRegularFile(file)) {
      return Policy.none(environment);
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Parsed<Policy> parsed = PolicyReader.read(Policy.path(environment), content);
    if (!parsed.ok()) {
      StringBuilder m = new StringBuilder(Policy.path(environment) + " is not a valid policy; nothing was promoted");
      parsed.problems().forEach(p -> m.append("\n  ").append(p.render()));
      throw PhoenixException.input(m.toString(), "fix the policy (docs/promotion.md)");
    }
    return parsed.value();
  }
}
