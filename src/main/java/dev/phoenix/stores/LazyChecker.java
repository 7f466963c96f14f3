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
  private final Once<RefChecker> delegate;

  LazyChecker(Class<? extends Ref> kind, Supplier<RefChecker> make) {
    this.kind = kind;
    this.delegate = new Once<>(make);
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    return delegate.get().check(refs, options);
  }
}
