package dev.phoenix.rebuild;

import java.nio.file.Path;
import java.util.List;

/**
 * Phase {@code synth}'s result.
 *
 * @param stacks what to deploy, in order (for Terraform targets: one working directory per stack)
 * @param cacheHit true when an unchanged earlier synthesis was reused
 * @param materialized value-free descriptions of pinned configuration copied into rebuild-scoped
 *     places because the target cannot reference that version directly, e.g. {@code
 *     ssm:/prod/db-url:7 -> /phoenix-rebuild/prod/…/db-url}
 * @param notes anything else the user should read (never a value)
 */
public record Prepared(List<PreparedStack> stacks, boolean cacheHit, List<String> materialized, List<String> notes) {

  public Prepared {
    stacks = List.copyOf(stacks);
    materialized = List.copyOf(materialized);
    notes = List.copyOf(notes);
  }

  /** One deployable unit: a name and the directory holding it (a Terraform working directory). */
  public record PreparedStack(String name, Path workDir) {}
}
