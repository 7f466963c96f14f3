package dev.phoenix.stores;

import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place {@link RefChecker}s are constructed, so {@code verify} and {@code rebuild}'s
 * preflight check references the same way. Each adapter package (dev.phoenix.registry,
 * dev.phoenix.aws.*) contributes its checker here once it exists; a reference no checker handles
 * is reported UNKNOWN by the caller, never OK.
 */
public final class CheckerFactory {
  private final StoreSettings settings;

  public CheckerFactory(StoreSettings settings) {
    this.settings = settings;
  }

  public StoreSettings settings() {
    return settings;
  }

  /** Every available checker, for every store kind. */
  public List<RefChecker> all() {
    List<RefChecker> checkers = new ArrayList<>();
    // adapters are added here as their branches land (registry, aws)
    return List.copyOf(checkers);
  }
}
