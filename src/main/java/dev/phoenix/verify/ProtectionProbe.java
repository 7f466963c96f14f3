package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.Optional;

/**
 * Whether a reference that exists carries the protection its store understands for an
 * environment ({@code phoenix protect}). Unprotected references are reported AT_RISK: a lifecycle
 * policy may delete them.
 */
public interface ProtectionProbe {
  /** Why the reference is unprotected for the environment, or empty when it is protected (or cannot be). */
  Optional<String> unprotected(Ref ref, String environment);

  ProtectionProbe NONE = (ref, env) -> Optional.empty();
}
