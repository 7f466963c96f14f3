package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.verify.ProtectionProbe;
import java.util.Optional;

/**
 * {@code verify --check-protection}: asks the store whether the reference carries this
 * environment's Phoenix mark. A lookup that fails is not a finding of its own (the reference was
 * found); it is left as it is.
 */
public final class KeeperProbe implements ProtectionProbe {
  private final Keepers keepers;

  public KeeperProbe(Keepers keepers) {
    this.keepers = keepers;
  }

  @Override
  public Optional<String> unprotected(Ref ref, String env) {
    Optional<Keeper> keeper = keepers.forRef(ref);
    if (keeper.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (keeper.get().isProtected(ref, env)) {
        return Optional.empty();
      }
      return Optional.of("present but not protected (no " + keeper.get().mark(ref, env)
          + "): the store may clean it up; run phoenix protect --env " + env + " --yes");
    } catch (PhoenixException e) {
      return Optional.empty();
    }
  }
}
