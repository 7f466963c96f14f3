package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import java.util.Optional;

/**
 * Whether a reference that exists carries the protection its store understands for an
 * environment ({@code phoenix protect}). Unprotected references are reported AT_RISK: a lifecycle
 * policy may delete them. A lookup that fails is UNKNOWN with its reason, never "protected": a
 * check that could not be made must not pass.
 */
public interface ProtectionProbe {
  /**
   * What replaces the reference's OK for the environment: AT_RISK (no mark) or UNKNOWN (the store
   * could not say); empty when it is protected, or when its store has no protection Phoenix knows.
   */
  Optional<Finding> concern(Ref ref, String environment);

  /**
   * The part of this probe that concerns datastore backups too (a backup not mirrored to every
   * mirror region is AT_RISK like any reference); the keep marks of {@code protect} are checked on
   * lockfile references only, so by default nothing.
   */
  default ProtectionProbe forBackups() {
    return NONE;
  }

  ProtectionProbe NONE = (ref, env) -> Optional.empty();
}
