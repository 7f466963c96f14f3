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
 * @param datastores the backup each datastore is restored from and the RPO achieved, for the record
 */
public record Prepared(List<PreparedStack> stacks, boolean cacheHit, List<String> materialized, List<String> notes,
    List<DrillRecord.DataUsed> datastores) {

  /** Without datastores. */
  public Prepared(List<PreparedStack> stacks, boolean cacheHit, List<String> materialized, List<String> notes) {
    this(stacks, cacheHit, materialized, notes, List.of());
  }

  public Prepared {
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
    stacks = List.copyOf(stacks);
    materialized = List.copyOf(materialized);
    notes = List.copyOf(notes);
  }

  /** One deployable unit: a name and the directory holding it (a Terraform working directory). */
  public record PreparedStack(String name, Path workDir) {}
}
