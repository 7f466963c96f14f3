package dev.phoenix.stores;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/** A checker for one kind of reference whose service (and its SDK client) is built on first use. */
final class LazyChecker implements RefChecker {
  private final Class<? extends Ref> kind;
  private final Supplier<RefChecker> make;
  private RefChecker delegate;

  LazyChecker(Class<? extends Ref> kind, Supplier<RefChecker> make) {
    this.kind = kind;
    this.make = make;
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    return delegate().check(refs, options);
  }

  private synchronized RefChecker delegate() {
    if (delegate == null) {
      delegate = make.get();
    }
    return delegate;
  }
}
