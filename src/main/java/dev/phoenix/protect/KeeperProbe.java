package dev.phoenix.protect;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.verify.ProtectionProbe;
import java.util.Optional;

/**
 * {@code verify --check-protection}: asks the store whether the reference carries this
 * environment's Phoenix mark. A lookup that fails makes the reference UNKNOWN with the reason: the
 * reference was found, but whether a lifecycle policy may delete it could not be checked.
 */
public final class KeeperProbe implements ProtectionProbe {
  private final Keepers keepers;

  /**
   * The probe of one run, on {@code keepers}' reading views: what a store says about a reference's
   * marks answers every environment that pins it, so it is read once, not once per environment.
   */
  public KeeperProbe(Keepers keepers) {
    this.keepers = keepers.reading();
  }

  @Override
  public Optional<Finding> concern(Ref ref, String env) {
    Optional<Keeper> keeper = keepers.forRef(ref);
    if (keeper.isEmpty()) {
      return Optional.empty();
    }
    String mark = keeper.get().mark(ref, env);
    try {
      if (keeper.get().isProtected(ref, env)) {
        return Optional.empty();
      }
      return Optional.of(Finding.atRisk("present but not protected (no " + mark
          + "): the store may clean it up; run phoenix protect --env " + env + " --yes"));
    } catch (PhoenixException e) {
      return Optional.of(Finding.unknown("present, but its protection (" + mark + ") could not be checked: "
          + e.getMessage()));
    }
  }
}
